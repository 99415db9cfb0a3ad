package dev.aex.deployer.descriptor;

import dev.aex.wire.payload.Encryption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The node and module types of the descriptor ({@code type}: native, sgx, sancus, trustzone).
 *
 * <p>A module runs only on a node of its own type (deployer-reference.md §2.4). The encryption and
 * request/handler support per type is the original's (§2.5): Sancus speaks SPONGENT only, and only
 * native and SGX modules have requests and handlers.
 */
public enum Architecture {
  NATIVE("native", Set.of(Encryption.AES, Encryption.SPONGENT), true),
  SGX("sgx", Set.of(Encryption.AES, Encryption.SPONGENT), true),
  SANCUS("sancus", Set.of(Encryption.SPONGENT), false),
  TRUSTZONE("trustzone", Set.of(Encryption.AES, Encryption.SPONGENT), false);

  private final String descriptorName;
  private final Set<Encryption> encryptions;
  private final boolean requests;

  Architecture(String descriptorName, Set<Encryption> encryptions, boolean requests) {
    this.descriptorName = descriptorName;
    this.encryptions = encryptions;
    this.requests = requests;
  }

  /** The spelling in the descriptor's {@code type} field, e.g. {@code "trustzone"}. */
  public String descriptorName() {
    return descriptorName;
  }

  /** The connection encryptions a module of this type supports. */
  public Set<Encryption> encryptions() {
    return encryptions;
  }

  /** The encryption of this type's disable and state-transfer messages: SPONGENT on Sancus. */
  public Encryption defaultEncryption() {
    return this == SANCUS ? Encryption.SPONGENT : Encryption.AES;
  }

  /** Whether modules of this type have requests and handlers (only native and SGX). */
  public boolean supportsRequests() {
    return requests;
  }

  /** The type spelled {@code name} exactly (the original compares case-sensitively). */
  public static Optional<Architecture> fromDescriptorName(String name) {
    return Arrays.stream(values()).filter(a -> a.descriptorName.equals(name)).findFirst();
  }

  /** All descriptor spellings, for messages and suggestions. */
  public static List<String> descriptorNames() {
    return Arrays.stream(values()).map(Architecture::descriptorName).toList();
  }
}
