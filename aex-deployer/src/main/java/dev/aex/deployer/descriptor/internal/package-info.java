/**
 * Parsing, checking and writing behind the public descriptor API. Not exported; no compatibility
 * promises.
 */
package dev.aex.deployer.descriptor.internal;
