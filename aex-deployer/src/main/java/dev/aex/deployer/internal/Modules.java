package dev.aex.deployer.internal;

import dev.aex.crypto.SymmetricKey;
import dev.aex.deployer.descriptor.Connection;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.ModuleCommon;
import dev.aex.deployer.descriptor.ModuleData;
import dev.aex.deployer.descriptor.NativeModule;
import dev.aex.deployer.descriptor.PeriodicEvent;
import dev.aex.deployer.descriptor.SancusModule;
import dev.aex.deployer.descriptor.SgxModule;
import dev.aex.deployer.descriptor.TrustZoneModule;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Copies of model records with one part changed, which the model itself has no wither for. */
final class Modules {
  private Modules() {}

  static Module withCommon(Module m, ModuleCommon c) {
    return switch (m) {
      case NativeModule n -> new NativeModule(c, n.folder(), n.features(), n.id(), n.port(),
          n.binary(), n.key(), n.data(), n.aexRuntime());
      case SgxModule s -> new SgxModule(c, s.vendorKey(), s.raSettings(), s.folder(),
          s.features(), s.id(), s.port(), s.binary(), s.sgxs(), s.signature(), s.key(), s.data(),
          s.mrEnclave());
      case TrustZoneModule t -> new TrustZoneModule(c, t.folder(), t.id(), t.binary(), t.uuid(),
          t.key(), t.data());
      case SancusModule s -> new SancusModule(c, s.files(), s.cflags(), s.ldflags(),
          s.deployName(), s.binary(), s.id(), s.symtab(), s.key());
    };
  }

  /** A native module after aex built it: it runs the aex module runtime. */
  static NativeModule withBuild(NativeModule n, String binary, ModuleData data) {
    return new NativeModule(n.common(), n.folder(), n.features(), n.id(), n.port(),
        Optional.of(binary), n.key(), Optional.of(data), true);
  }

  /**
   * An SGX module after its build: absolute paths of its vendor key and ra_settings (as the
   * original writes them, so that later commands work from any folder), jar, Load bundle,
   * SIGSTRUCT (none in simulation), ids, MRENCLAVE.
   */
  static SgxModule withSgxBuild(SgxModule s, String vendorKey, String raSettings, String jar,
      String bundle, Optional<String> signature, ModuleData data, String mrEnclave) {
    return new SgxModule(s.common(), vendorKey, raSettings, s.folder(), s.features(),
        s.id(), s.port(), Optional.of(jar), Optional.of(bundle), signature, Optional.empty(),
        Optional.of(data), Optional.of(mrEnclave));
  }

  static Module deployed(Module m, boolean deployed) {
    ModuleCommon c = m.common().withDeployed(deployed);
    // Where a module runs is its old_node (update moves it by editing node); a load settles it.
    if (deployed) {
      c = new ModuleCommon(c.name(), c.node(), c.node(), c.priority(), true, c.nonce(), c.attested());
    }
    return withCommon(m, c);
  }

  static Module attested(Module m, boolean attested) {
    return withCommon(m, m.common().withAttested(attested));
  }

  /**
   * A new instance of an aex module for an update: not built, deployed or attested; a native one
   * with a fresh key (stamped into it at build), an SGX one without (agreed at attestation).
   */
  static Module cloneOf(Module old, int id, int port) {
    ModuleCommon c = old.common();
    ModuleCommon fresh = new ModuleCommon(c.name(), c.node(), c.node(), c.priority(), false, 0,
        false);
    return switch (old) {
      case NativeModule n -> new NativeModule(fresh, n.folder(), n.features(), Optional.of(id),
          Optional.of(port), Optional.empty(), Optional.of(SymmetricKey.random16()),
          Optional.empty(), false);
      case SgxModule s -> new SgxModule(fresh, s.vendorKey(), s.raSettings(), s.folder(),
          s.features(), Optional.of(id), Optional.of(port), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty());
      default -> throw new IllegalArgumentException("not an aex module: " + old.name());
    };
  }

  /** {@code m} with the build files it names in {@code from} named in {@code to} instead. */
  static Module withBuildMoved(Module m, Path from, Path to) {
    Path source = from.toAbsolutePath().normalize();
    Path target = to.toAbsolutePath().normalize();
    UnaryOperator<Optional<String>> moved = file -> file
        .map(f -> Path.of(f).toAbsolutePath().normalize())
        .map(p -> p.startsWith(source) ? target.resolve(source.relativize(p)) : p)
        .map(Path::toString);
    return switch (m) {
      case NativeModule n -> new NativeModule(n.common(), n.folder(), n.features(), n.id(),
          n.port(), moved.apply(n.binary()), n.key(), n.data(), n.aexRuntime());
      case SgxModule s -> new SgxModule(s.common(), s.vendorKey(), s.raSettings(), s.folder(),
          s.features(), s.id(), s.port(), moved.apply(s.binary()), moved.apply(s.sgxs()),
          moved.apply(s.signature()), s.key(), s.data(), s.mrEnclave());
      default -> m;
    };
  }

  static Connection keyed(Connection c, SymmetricKey key, boolean established) {
    return new Connection(c.name(), c.source(), c.target(), c.encryption(), Optional.of(key),
        c.id(), 0, established);
  }

  static Connection withNonce(Connection c, long nonce) {
    return new Connection(c.name(), c.source(), c.target(), c.encryption(), c.key(), c.id(),
        nonce, c.established());
  }

  static Connection unestablished(Connection c) {
    return new Connection(c.name(), c.source(), c.target(), c.encryption(), c.key(), c.id(),
        c.nonce(), false);
  }

  static PeriodicEvent unregistered(PeriodicEvent e) {
    return new PeriodicEvent(e.name(), e.id(), e.module(), e.entry(), e.frequency(), false);
  }

  static boolean involves(Connection c, String module) {
    return c.target().module().equals(module)
        || c.source().map(s -> s.module().equals(module)).orElse(false);
  }
}
