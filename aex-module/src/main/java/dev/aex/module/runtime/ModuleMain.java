package dev.aex.module.runtime;

import dev.aex.module.spi.ModuleDispatch;
import dev.aex.wire.ModuleEnvironment;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * The entry point of a module's self-executing jar: loads the stamped {@link Deployment}, finds
 * the module's generated {@link ModuleDispatch} and serves until the process is killed, or until
 * its stdin ends if the event manager asked for that ({@link StdinWatch}). Any start-up failure
 * ends the process with status 1 and one line on stderr saying what is wrong.
 */
public final class ModuleMain {
  private ModuleMain() {}

  public static void main(String[] args) {
    ModuleLog.install(Optional.ofNullable(System.getenv(ModuleEnvironment.LOG)));
    ModuleRuntime runtime;
    try {
      runtime = launch(Thread.currentThread().getContextClassLoader(), UserFailures::logUncaught);
    } catch (ModuleStartException e) {
      System.err.println("aex module: cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "aex-module-shutdown"));
    if (ModuleEnvironment.exitsWithStdin(System.getenv(ModuleEnvironment.EXIT_WITH_STDIN))) {
      StdinWatch.start(System.in, () -> System.exit(0));
    }
    try {
      runtime.awaitClose();
    } catch (InterruptedException e) {
      runtime.close();
    }
  }

  /**
   * Loads the deployment and the module through {@code loader} and starts the runtime; {@code
   * beforeStart} gets the module's names before the module's constructor runs (it may start
   * threads).
   */
  static ModuleRuntime launch(ClassLoader loader, Consumer<ModuleNames> beforeStart)
      throws ModuleStartException {
    Deployment deployment = Deployment.load(loader);
    ModuleDispatch dispatch = findDispatch(loader);
    beforeStart.accept(new ModuleNames(dispatch.manifest()));
    return ModuleRuntime.start(deployment, dispatch);
  }

  static ModuleDispatch findDispatch(ClassLoader loader) throws ModuleStartException {
    List<ModuleDispatch> found;
    try {
      found =
          ServiceLoader.load(ModuleDispatch.class, loader).stream()
              .map(ServiceLoader.Provider::get)
              .toList();
    } catch (ServiceConfigurationError e) {
      throw new ModuleStartException("cannot load the module's dispatch class: " + e.getMessage(), e);
    }
    if (found.size() != 1) {
      throw new ModuleStartException(
          "found " + found.size() + " modules " + found.stream().map(d -> d.getClass().getName()).toList()
              + " (expected: exactly one ModuleDispatch in META-INF/services; is the annotation"
              + " processor on the build path, and is only one @Module class in the jar?)");
    }
    return found.get(0);
  }
}
