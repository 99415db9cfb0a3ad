package dev.aex.deployer.descriptor;

import dev.aex.crypto.SymmetricKey;

/**
 * A Sancus node (an openMSP430 behind a UART-to-TCP bridge). Its event manager assigns module ids
 * at load.
 *
 * @param vendorId the vendor id, a u16 ({@code vendor_id}, required)
 * @param vendorKey the vendor key derived from the node key and vendor id ({@code vendor_key},
 *     required; 16 bytes, or 8 for the old 64-bit images). Never shown by {@link #toString()}.
 */
public record SancusNode(String name, NodeAddress address, int vendorId, SymmetricKey vendorKey)
    implements Node {
  public SancusNode {
    Checks.name("name", name);
    Checks.nonNull(address, vendorKey);
    Checks.u16("vendor_id", vendorId);
  }

  @Override
  public Architecture architecture() {
    return Architecture.SANCUS;
  }
}
