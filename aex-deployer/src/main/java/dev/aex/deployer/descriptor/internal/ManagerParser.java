package dev.aex.deployer.descriptor.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aex.crypto.SymmetricKey;
import dev.aex.deployer.descriptor.ManagerSettings;
import java.util.Optional;
import java.util.Set;

/**
 * The manager file's contents, or the historic inline {@code manager} object: the rules of
 * default/manager.yaml (deployer-reference.md §2.2, §2.7).
 */
public final class ManagerParser {
  static final Set<String> KNOWN = Fields.ordered("host", "port", "key");

  private ManagerParser() {}

  public static Optional<ManagerSettings> parse(ObjectNode object, Report report) {
    int before = report.errorCount();
    Fields f = new Fields(object, report, KNOWN);
    Optional<String> host = f.requiredName("host");
    Optional<Integer> port = f.requiredInt("port", 1, 0xFFFF, Fields.POSITIVE_U16);
    Optional<SymmetricKey> key = KeyFields.byteList(f, "key");
    f.checkUnknown(false);
    if (report.errorCount() > before) {
      return Optional.empty();
    }
    return Optional.of(new ManagerSettings(host.orElseThrow(), port.orElseThrow(),
        key.orElseThrow()));
  }
}
