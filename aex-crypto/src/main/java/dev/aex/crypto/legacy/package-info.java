/**
 * The original system's AES-GCM with a constant all-zero IV (protocol.md §5.1, §8.4). Insecure by
 * design; kept only to talk to original modules and deployers, behind names that say so.
 */
package dev.aex.crypto.legacy;
