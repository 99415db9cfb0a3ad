/**
 * Trusted crypto for aex (architecture.md §2, protocol.md §5): the secure AES suite, the legacy
 * zero-IV AES-GCM and SpongeWrap/SPONGENT suites of the original system, Sancus and TrustZone key
 * derivations, constant-time checks. JDK only. The untrusted event manager never requires it.
 */
module dev.aex.crypto {
  exports dev.aex.crypto;
  exports dev.aex.crypto.secure;
  exports dev.aex.crypto.legacy;
  exports dev.aex.crypto.spongent;
  exports dev.aex.crypto.keys;
}
