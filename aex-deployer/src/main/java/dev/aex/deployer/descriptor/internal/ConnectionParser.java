package dev.aex.deployer.descriptor.internal;

import dev.aex.crypto.SymmetricKey;
import dev.aex.deployer.descriptor.Connection;
import dev.aex.deployer.descriptor.EndpointRef;
import dev.aex.deployer.descriptor.ModuleEndpoint;
import dev.aex.wire.payload.Encryption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code connections} item: every rule of default/connection.yaml (deployer-reference.md
 * §2.2), which unlike the other rule files also forbids unknown fields. The shape rules (which
 * source and target fields go together) live in {@link ConnectionShape}.
 */
public final class ConnectionParser {
  static final Set<String> KNOWN = Fields.ordered("name", "from_module", "from_output", "from_request",
      "to_module", "to_input", "to_handler", "encryption", "key", "id", "direct", "nonce",
      "established");
  private static final List<String> ENCRYPTIONS = List.of("aes", "spongent");

  private ConnectionParser() {}

  public static Optional<Connection> parse(Item item, Report report) {
    int before = report.errorCount();
    Fields f = new Fields(item.object(), report, KNOWN);
    Optional<String> name = f.optionalName("name");
    Optional<Encryption> encryption = encryption(f);
    Optional<SymmetricKey> key = KeyFields.hex(f, "key", false, List.of(16));
    Optional<Integer> id = f.optionalInt("id", 0, 0xFFFF, Fields.U16);
    long nonce = f.optionalLong("nonce", 0, Long.MAX_VALUE, Fields.SEND_COUNTER).orElse(0L);
    boolean established = f.optionalBool("established").orElse(false);
    Optional<ConnectionShape.Source> source = ConnectionShape.source(f);
    Optional<ModuleEndpoint> target = ConnectionShape.target(f);
    ConnectionShape.checkPairing(f);
    checkEstablished(f, established);
    f.checkUnknown(true);
    if (report.errorCount() > before) {
      return Optional.empty();
    }
    Optional<ModuleEndpoint> from = source.orElseThrow() instanceof ConnectionShape.FromModule m
        ? Optional.of(m.endpoint()) : Optional.empty();
    return Optional.of(new Connection(name, from, target.orElseThrow(), encryption.orElseThrow(),
        key, id, nonce, established));
  }

  /** {@code aes} or {@code spongent}, in any case, as the original's Encryption.from_str. */
  private static Optional<Encryption> encryption(Fields f) {
    Optional<String> text = f.present("encryption") ? f.optionalString("encryption")
        : f.missing("encryption", "aes or spongent");
    Optional<Encryption> value = text.flatMap(t -> switch (t.toLowerCase(Locale.ROOT)) {
      case "aes" -> Optional.of(Encryption.AES);
      case "spongent" -> Optional.of(Encryption.SPONGENT);
      default -> Optional.empty();
    });
    if (text.isPresent() && value.isEmpty()) {
      f.report().error("encryption", "No matching encryption type for \"" + text.get()
          + "\" (expected: aes or spongent)", Suggestions.closest(text.get(), ENCRYPTIONS));
    }
    return value;
  }

  /** An established connection must carry everything needed to use it again. */
  private static void checkEstablished(Fields f, boolean established) {
    if (!established) {
      return;
    }
    List<String> missing = List.of("key", "nonce", "id", "name", "direct").stream()
        .filter(k -> !f.present(k)).toList();
    if (!missing.isEmpty()) {
      f.report().error("established", "true requires key, nonce, id, name and direct; missing: "
          + String.join(", ", missing) + " (or set established to false to connect again)");
    }
  }

  /** A connection endpoint field: a name, or an id used verbatim. */
  static Optional<EndpointRef> endpoint(Fields f, String field) {
    if (!f.present(field)) {
      return Optional.empty();
    }
    var v = f.value(field);
    if (v.isTextual() && !v.textValue().isEmpty()) {
      return Optional.of(EndpointRef.of(v.textValue()));
    }
    if (v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0 && v.intValue() <= 0xFFFF) {
      return Optional.of(EndpointRef.of(v.intValue()));
    }
    return f.wrongType(field, "an endpoint name or an id 0..65535", v);
  }
}
