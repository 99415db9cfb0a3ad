package dev.aex.wire;

/**
 * How a node type frames the Load command (protocol.md §1.3, §1.6.4). The bytes do not say which
 * framing they use, so a reader must be told the format of the node it serves or talks to.
 */
public enum LoadFormat {
  /** {@code [03][exe_len:4][exe]}: {@link NativeLoad}. */
  NATIVE,
  /** {@code [03][sgxs_len:4][sgxs][sig_len:4][sig]}: {@link SgxLoad}. */
  SGX,
  /** {@code [03][total:4][module_id:2][uuid:16][ta_image]}: {@link TrustZoneLoad}. */
  TRUSTZONE,
  /** {@code [03][len:2][name][00][vendor_id:2][elf]}, normal u16 framing: {@link SancusLoad}. */
  SANCUS
}
