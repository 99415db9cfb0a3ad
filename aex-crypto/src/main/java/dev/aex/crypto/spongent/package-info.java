/** SPONGENT permutations, SpongeWrap/SpongeUnwrap and SpongentMAC (protocol.md §5.2–§5.3). */
package dev.aex.crypto.spongent;
