package dev.aex.deployer.internal;

import dev.aex.crypto.SymmetricKey;
import dev.aex.deployer.BuildMode;
import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.ModuleData;
import dev.aex.deployer.descriptor.SgxMode;
import dev.aex.deployer.descriptor.SgxModule;
import dev.aex.deployer.descriptor.SgxNode;
import dev.aex.module.build.ModuleBuilder;
import dev.aex.module.build.ModuleStamp;
import dev.aex.module.build.SgxBuiltModule;
import dev.aex.module.build.SgxOptions;
import java.nio.file.Path;

/**
 * Builds an aex SGX module into a folder, {@code <workspace>/build/<module>/} but for an update
 * (docs/sgx.md): the jar with the SGX stamp (id and port, no key), the Gramine manifest signed
 * with {@code vendor_key} (debug enclave in debug mode), and the Load bundle; records jar, bundle,
 * SIGSTRUCT, ids and the expected MRENCLAVE. A node in simulation needs no Gramine and no vendor
 * key.
 */
final class SgxBuilds {
  private SgxBuilds() {}

  static void build(Context ctx, ModuleSlot slot, SgxModule s, Path out) throws DeployerException {
    Path folder = ctx.workspace().folderOf(s);
    Builds.checkFolder(ctx, s, folder);
    SgxNode node = (SgxNode) ctx.state().nodeOf(s.node());
    // Read now, so that settings attest would refuse (the original's EPID ones, say) stop the
    // deploy before anything is loaded, not after.
    SgxSettings.read(ctx.workspace().root().resolve(s.raSettings()),
        Where.at("build", s.name(), node));
    Timer.time(ctx.listener(), "build", s.name(), "Build time for " + s.name(), () -> {
      // The stamp's key is not written into an SGX module: its key is agreed at attestation.
      ModuleStamp stamp = Builds.stamp(ctx, s, ModuleStamp.of(s.id().orElseThrow(),
          node.address().reactivePort(), SymmetricKey.random16()));
      SgxOptions options = options(ctx, s, node);
      SgxBuiltModule built = Builds.run(s, folder, out,
          () -> ModuleBuilder.buildSgx(folder, stamp, options, out));
      ModuleData data = Builds.endpoints(s, built.manifestJson(), out);
      String mrEnclave = built.mrEnclave().hex();
      Path root = ctx.workspace().root();
      slot.update(x -> Modules.withSgxBuild((SgxModule) x, abs(root.resolve(s.vendorKey())),
          abs(root.resolve(s.raSettings())), abs(built.jar()), abs(built.bundle()),
          built.signature().map(SgxBuilds::abs), data, mrEnclave));
      ctx.listener().info("Built " + s.name() + " for SGX" + (built.simulated()
          ? " SIMULATION (INSECURE)" : "") + " into " + out + "; MRENCLAVE " + mrEnclave);
    });
  }

  private static SgxOptions options(Context ctx, SgxModule s, SgxNode node) {
    if (node.mode() == SgxMode.SIMULATION) {
      ctx.listener().warning("Node " + node.name() + " is an SGX SIMULATION (sgx_mode): module "
          + s.name() + " is built without an enclave; for tests only");
      return SgxOptions.forSimulation();
    }
    boolean debug = ctx.settings().mode() == BuildMode.DEBUG;
    if (debug) {
      ctx.listener().warning("Module " + s.name() + " is built as a DEBUG enclave (--mode debug):"
          + " the host can read its memory; attestation accepts it only with allow_debug in"
          + " ra_settings. Use --mode release for production");
    }
    return SgxOptions.gramine(ctx.workspace().root().resolve(s.vendorKey())).withDebug(debug);
  }

  private static String abs(Path p) {
    return p.toAbsolutePath().toString();
  }
}
