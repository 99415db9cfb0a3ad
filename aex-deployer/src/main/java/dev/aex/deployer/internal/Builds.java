package dev.aex.deployer.internal;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.DescriptorException;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.ModuleData;
import dev.aex.deployer.descriptor.ModuleManifestReader;
import dev.aex.deployer.descriptor.NativeModule;
import dev.aex.deployer.descriptor.Node;
import dev.aex.deployer.descriptor.SgxModule;
import dev.aex.module.build.BuiltModule;
import dev.aex.module.build.ModuleBuildException;
import dev.aex.module.build.ModuleBuilder;
import dev.aex.module.build.ModuleStamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Builds an aex native module with the module SDK into {@code <workspace>/build/<module>/},
 * stamping its id, its node's event manager port and its module key, and records the binary and
 * the endpoint ids ({@code data}) in the state; SGX modules through {@link SgxBuilds}.
 */
final class Builds {
  private Builds() {}

  static void build(Context ctx, ModuleSlot slot) throws DeployerException {
    buildInto(ctx, slot, ctx.workspace().buildDir(slot.get().name()));
  }

  /** Builds a module into the folder {@code out} (an update stages its new instance there). */
  static void buildInto(Context ctx, ModuleSlot slot, Path out) throws DeployerException {
    Module m = slot.get();
    if (m instanceof SgxModule s) {
      SgxBuilds.build(ctx, slot, s, out);
      return;
    }
    NativeModule n = buildable(ctx, m);
    Path binary = out.resolve(m.name());
    Node node = ctx.state().nodeOf(m.node());
    Timer.time(ctx.listener(), "build", m.name(), "Build time for " + m.name(), () -> {
      ModuleStamp stamp = stamp(ctx, m, ModuleStamp.of(n.id().orElseThrow(),
          node.address().reactivePort(), n.key().orElseThrow()));
      Path folder = ctx.workspace().folderOf(n);
      BuiltModule built = run(m, folder, binary.getParent(),
          () -> ModuleBuilder.build(folder, stamp, binary));
      ModuleData data = endpoints(m, built.manifestJson(), binary.getParent());
      String path = built.binary().toAbsolutePath().toString();
      slot.update(x -> Modules.withBuild((NativeModule) x, path, data));
      ctx.listener().info("Built " + m.name() + " into " + path);
    });
  }

  /** {@code base}, accepting the legacy suite if a connection to an original module needs it. */
  static ModuleStamp stamp(Context ctx, Module m, ModuleStamp base) {
    if (!Connections.needsLegacy(ctx, m)) {
      return base;
    }
    ctx.listener().info("Module " + m.name() + " is built to accept the legacy zero-IV AES"
        + " suite, which a connection to an original module needs");
    return base.withLegacy();
  }

  /** A build step of the module SDK. */
  interface BuildStep<T> {
    T run() throws ModuleBuildException, IOException;
  }

  /** Runs {@code step} into {@code out}, with the errors of a build of {@code m}. */
  static <T> T run(Module m, Path folder, Path out, BuildStep<T> step) throws DeployerException {
    try {
      Files.createDirectories(out);
      return step.run();
    } catch (ModuleBuildException e) {
      throw new DeployerException("build " + m.name() + " (folder " + folder + "): "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw cannotWrite(m, out, e);
    }
  }

  /** Writes the built module's manifest beside its binary and reads its endpoint ids. */
  static ModuleData endpoints(Module m, String manifestJson, Path out) throws DeployerException {
    try {
      Files.writeString(out.resolve(Workspace.MANIFEST), manifestJson);
      return ModuleManifestReader.parse(m.name() + " manifest", manifestJson).endpoints();
    } catch (IOException e) {
      throw cannotWrite(m, out, e);
    } catch (DescriptorException e) {
      throw new DeployerException("build " + m.name() + ": the built module's manifest is not"
          + " readable: " + e.getMessage(), e);
    }
  }

  private static DeployerException cannotWrite(Module m, Path out, IOException e) {
    return new DeployerException("build " + m.name() + ": cannot write " + out
        + ": " + e.getMessage() + ". Check the workspace's permissions", e);
  }

  /**
   * Whether {@code m} must be built before it can be loaded: it was not built, or its build is
   * not the one the result records (another build replaced the binary since: its stamp shows
   * another key), or its folder changed since. Loading such a build would run old code, or code
   * whose key the result does not hold.
   */
  static boolean needed(Context ctx, Module m) {
    Optional<Path> built = switch (m) {
      case NativeModule n when n.data().isPresent() -> n.binary().map(Path::of);
      case SgxModule s when s.data().isPresent() && s.mrEnclave().isPresent() ->
          s.sgxs().map(Path::of);
      default -> Optional.empty();
    };
    if (built.isEmpty() || !Files.isRegularFile(built.get())) {
      return true;
    }
    Optional<String> outdated = outdated(ctx, m, built.get());
    outdated.ifPresent(why -> ctx.listener().info("Building " + m.name() + " again: " + why));
    return outdated.isPresent();
  }

  private static Optional<String> outdated(Context ctx, Module m, Path built) {
    if (m instanceof NativeModule n && !stampMatches(ctx, n, built)) {
      return Optional.of(built + " is another build's (built since this result file recorded"
          + " it), with another key");
    }
    if (ctx.workspace().changedSince((Module.Listening) m, built)) {
      return Optional.of("its folder changed since " + built + " was built");
    }
    return Optional.empty();
  }

  private static boolean stampMatches(Context ctx, NativeModule n, Path binary) {
    try {
      int emPort = ctx.state().nodeOf(n.node()).address().reactivePort();
      return ModuleStamp.readFrom(binary).filter(s -> n.id().equals(Optional.of(s.moduleId()))
          && s.emPort() == emPort && n.key().equals(Optional.of(s.moduleKey()))).isPresent();
    } catch (IOException e) {
      return false; // unreadable: building again writes it anew
    }
  }

  /** Checks that {@code folder} is an aex (Java) module folder that exists. */
  static void checkFolder(Context ctx, Module m, Path folder) throws DeployerException {
    if (Files.exists(folder.resolve("Cargo.toml"))) {
      throw new DeployerException("build " + m.name() + ": folder " + folder
          + " is a Rust crate (an original module); aex builds Java module folders only."
          + " Build it with the original tools and declare it pre-deployed (deployed: true, id,"
          + " key)");
    }
    if (!ctx.workspace().isAex(m)) {
      String mark = m instanceof SgxModule ? "mrenclave" : "\"runtime\": \"aex\"";
      throw new DeployerException("build " + m.name() + ": it is declared deployed without the "
          + mark + " of a module that aex built, so it is an original module; aex builds Java"
          + " module folders only. For aex to build it, drop \"deployed\" (and its id and key)");
    }
    if (!Files.isDirectory(folder)) {
      throw new DeployerException("build " + m.name() + ": no module folder " + folder
          + " (field \"folder\", relative to the workspace "
          + ctx.workspace().root().toAbsolutePath() + "). " + whereElse(ctx, m));
    }
  }

  /** The descriptor's folder, when the workspace lacks the module folder and it has it. */
  private static String whereElse(Context ctx, Module m) {
    return ctx.workspace().descriptorFolder()
        .filter(d -> m instanceof Module.Listening l && Files.isDirectory(d.resolve(l.folder())))
        .filter(d -> !d.equals(ctx.workspace().root().toAbsolutePath().normalize()))
        .map(d -> "The descriptor's folder has it: give --workspace " + d + " (or run from there)")
        .orElse("Check the folder name or the workspace");
  }

  private static NativeModule buildable(Context ctx, Module m) throws DeployerException {
    if (!(m instanceof NativeModule n)) {
      throw new DeployerException("build " + m.name() + ": building " + m.architecture()
          .descriptorName() + " modules is not supported yet; aex builds and deploys native"
          + " (Java) modules");
    }
    checkFolder(ctx, m, ctx.workspace().folderOf(n));
    return n;
  }
}
