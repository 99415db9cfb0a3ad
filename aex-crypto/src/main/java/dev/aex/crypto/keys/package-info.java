/** Module-key derivations of the original TEEs: Sancus (§5.4.1) and TrustZone (§5.4.2). */
package dev.aex.crypto.keys;
