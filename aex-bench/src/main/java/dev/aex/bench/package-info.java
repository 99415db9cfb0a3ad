/** JMH benchmarks of aex's codec and cipher suites; see BENCHMARKS.md for how to run them. */
package dev.aex.bench;
