/**
 * Typed payloads of reactive-net commands (protocol.md §1.6) and of the reserved entry points' args
 * (§2.4). Each record draws its byte layout and decodes strictly.
 */
package dev.aex.wire.payload;
