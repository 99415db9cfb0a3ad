package dev.aex.deployer.internal;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.DescriptorException;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.ModuleData;
import dev.aex.deployer.descriptor.ModuleManifestReader;
import dev.aex.deployer.descriptor.NativeModule;
import dev.aex.deployer.descriptor.Node;
import dev.aex.module.build.BuiltModule;
import dev.aex.module.build.ModuleBuildException;
import dev.aex.module.build.ModuleBuilder;
import dev.aex.module.build.ModuleStamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds an aex native module with the module SDK into {@code <workspace>/build/<module>/},
 * stamping its id, its node's event manager port and its module key, and records the binary and
 * the endpoint ids ({@code data}) in the state.
 */
final class Builds {
  private Builds() {}

  static void build(Context ctx, ModuleSlot slot) throws DeployerException {
    Module m = slot.get();
    NativeModule n = buildable(ctx, m);
    Node node = ctx.state().nodeOf(m.node());
    Timer.time(ctx.listener(), "build", m.name(), "Build time for " + m.name(), () -> {
      ModuleStamp stamp = ModuleStamp.of(n.id().orElseThrow(), node.address().reactivePort(),
          n.key().orElseThrow());
      if (Connections.needsLegacy(ctx, m)) {
        stamp = stamp.withLegacy();
        ctx.listener().info("Module " + m.name() + " is built to accept the legacy zero-IV AES"
            + " suite, which a connection to an original module needs");
      }
      Path folder = ctx.workspace().folderOf(n);
      Path binary = ctx.workspace().binaryOf(m.name());
      BuiltModule built;
      try {
        Files.createDirectories(binary.getParent());
        built = ModuleBuilder.build(folder, stamp, binary);
        Files.writeString(binary.resolveSibling(Workspace.MANIFEST), built.manifestJson());
      } catch (ModuleBuildException e) {
        throw new DeployerException("build " + m.name() + " (folder " + folder + "): "
            + e.getMessage(), e);
      } catch (IOException e) {
        throw new DeployerException("build " + m.name() + ": cannot write " + binary.getParent()
            + ": " + e.getMessage() + ". Check the workspace's permissions", e);
      }
      ModuleData data;
      try {
        data = ModuleManifestReader.parse(m.name() + " manifest", built.manifestJson()).endpoints();
      } catch (DescriptorException e) {
        throw new DeployerException("build " + m.name() + ": the built module's manifest is not"
            + " readable: " + e.getMessage(), e);
      }
      String path = built.binary().toAbsolutePath().toString();
      slot.update(x -> Modules.withBuild((NativeModule) x, path, data));
      ctx.listener().info("Built " + m.name() + " into " + path);
    });
  }

  /** Whether {@code m} must be built before it can be loaded. */
  static boolean needed(Module m) {
    return !(m instanceof NativeModule n)
        || n.binary().isEmpty() || n.data().isEmpty() || !Files.isRegularFile(Path.of(n.binary().get()));
  }

  private static NativeModule buildable(Context ctx, Module m) throws DeployerException {
    if (!(m instanceof NativeModule n)) {
      throw new DeployerException("build " + m.name() + ": building " + m.architecture()
          .descriptorName() + " modules is not supported yet; aex builds and deploys native"
          + " (Java) modules");
    }
    if (!ctx.workspace().isAex(m)) {
      throw new DeployerException("build " + m.name() + ": folder " + ctx.workspace().folderOf(n)
          + " is a Rust crate (an original native module); aex builds Java module folders only."
          + " Build it with the original tools and declare it pre-deployed (deployed: true, id,"
          + " key)");
    }
    if (!Files.isDirectory(ctx.workspace().folderOf(n))) {
      throw new DeployerException("build " + m.name() + ": no module folder "
          + ctx.workspace().folderOf(n) + " (field \"folder\", relative to the workspace "
          + ctx.workspace().root().toAbsolutePath() + "). Check the folder name or the workspace");
    }
    return n;
  }
}
