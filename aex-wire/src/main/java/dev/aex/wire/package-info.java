/** The reactive-net wire protocol (protocol.md §1–§2): codes, frames and payload records. */
package dev.aex.wire;
