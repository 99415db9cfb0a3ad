package dev.aex.deployer.descriptor.internal;

import dev.aex.deployer.descriptor.Architecture;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.ModuleCommon;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One {@code modules} item: the rules of default/module.yaml and the per-type fields whose absence
 * the original reports as a KeyError (deployer-reference.md §2.2, §2.4). References to nodes are
 * checked later, by {@link ModuleChecks}.
 */
public final class ModuleParser {
  private ModuleParser() {}

  public static Optional<Module> parse(Item item, Report report) {
    int before = report.errorCount();
    Optional<Architecture> type = TypeField.read(item, report, "module", ModuleFields.ALL);
    Fields f = new Fields(item.object(), report, ModuleFields.known(type));
    Optional<ModuleCommon> common = common(f);
    Optional<Module> module = type.flatMap(t -> switch (t) {
      case NATIVE -> ModuleTypes.nativeModule(f, common);
      case SGX -> ModuleTypes.sgx(f, common);
      case SANCUS -> ModuleTypes.sancus(f, common);
      case TRUSTZONE -> ModuleTypes.trustZone(f, common);
    });
    module.ifPresent(m -> checkDeployed(f, m));
    f.ignoreUnknown(ModuleFields.ALL);
    return report.errorCount() > before ? Optional.empty() : module;
  }

  /**
   * A deployed module must carry its id and key: without them, a later command would make them
   * up (the node's next id, a random key), write them back, and so lose the only record of how to
   * reach the module. An SGX module's key is agreed when it is attested; a TrustZone module's is
   * derived from its binary when the result has none (attest says when it has neither).
   */
  private static void checkDeployed(Fields f, Module m) {
    if (!m.common().deployed()) {
      return;
    }
    Architecture type = m.architecture();
    boolean keyed = type == Architecture.NATIVE || type == Architecture.SANCUS
        || type == Architecture.SGX && m.common().attested();
    List<String> missing = Stream.of("id", "key")
        .filter(k -> !f.present(k) && (k.equals("id") || keyed)).toList();
    if (!missing.isEmpty()) {
      f.report().error("deployed", "true requires " + (keyed ? "id and key" : "id") + "; missing: "
          + String.join(", ", missing) + ". Take them from the result file that deployed the"
          + " module; to deploy it again instead, reset its node and set deployed to false");
    }
  }

  private static Optional<ModuleCommon> common(Fields f) {
    Optional<String> name = f.requiredName("name").filter(n -> safeForPaths(f, n));
    Optional<String> node = f.requiredName("node");
    Optional<String> oldNode = f.optionalName("old_node");
    Optional<Integer> priority =
        f.optionalInt("priority", Integer.MIN_VALUE, Integer.MAX_VALUE, "an integer");
    boolean deployed = f.optionalBool("deployed").orElse(false);
    long nonce = f.optionalLong("nonce", 0, Long.MAX_VALUE, Fields.SEND_COUNTER).orElse(0L);
    boolean attested = f.optionalBool("attested").orElse(false);
    return name.flatMap(n -> node.map(d -> new ModuleCommon(
        n, d, oldNode.orElse(d), priority, deployed, nonce, attested)));
  }

  /**
   * A module's name is a folder and file name under {@code build/}: one that climbs out of it
   * ({@code ../x}) would make a build write anywhere the user may.
   */
  private static boolean safeForPaths(Fields f, String name) {
    if (name.contains("/") || name.contains("\\") || name.contains("\0") || name.equals(".")
        || name.equals("..")) {
      f.report().error("name", "a module's name names its build folder and binary: expected no"
          + " '/', '\\' or NUL and not '.' or '..', found \"" + name + "\"");
      return false;
    }
    return true;
  }
}
