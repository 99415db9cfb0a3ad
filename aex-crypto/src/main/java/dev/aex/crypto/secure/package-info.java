/**
 * The secure AES suite (SECURITY.md): AES-128-GCM whose IV comes from a wide counter that the
 * sender owns and carries with each message, and a receiver-side replay window.
 */
package dev.aex.crypto.secure;
