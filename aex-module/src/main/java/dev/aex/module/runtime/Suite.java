package dev.aex.module.runtime;

import dev.aex.crypto.SymmetricKey;
import java.util.Optional;

/** The cipher of a connection, chosen by the {@code enc} byte of set_key (SECURITY.md §3). */
enum Suite {
  /** The original AES-GCM with a zero IV; only for modules built with the legacy flag. */
  LEGACY_AES(0),
  /** SpongeWrap over SPONGENT-128, with the original counter semantics. */
  SPONGENT(1),
  /** The aex secure AES suite, the default between aex modules. */
  SECURE_AES(2);

  private final int enc;

  Suite(int enc) {
    this.enc = enc;
  }

  static Optional<Suite> fromEnc(int enc) {
    for (Suite suite : values()) {
      if (suite.enc == enc) {
        return Optional.of(suite);
      }
    }
    return Optional.empty();
  }

  ChannelCipher newChannel(int connId, SymmetricKey key) {
    return switch (this) {
      case LEGACY_AES -> new CounterChannel(connId, CounterAead.legacyAes(key));
      case SPONGENT -> new CounterChannel(connId, CounterAead.spongent(key));
      case SECURE_AES -> new SecureChannel(connId, key);
    };
  }

  @Override
  public String toString() {
    return name() + "(" + enc + ")";
  }
}
