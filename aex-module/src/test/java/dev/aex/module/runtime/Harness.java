package dev.aex.module.runtime;

import dev.aex.module.testing.FakeEm;
import dev.aex.crypto.SymmetricKey;
import dev.aex.module.spi.ModuleDispatch;
import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A fake event manager and the modules that point at it, each on {@code emPort + id} as in a real
 * deployment. Ids that collide with a busy port are skipped.
 */
final class Harness implements AutoCloseable {
  private static final int MAX_ID = 64;

  final FakeEm em = new FakeEm();
  private final List<ModuleRuntime> runtimes = new ArrayList<>();
  private int nextId = 1;

  /** Starts a secure module under {@code moduleKey}; {@code adjust} may set legacy or timeouts. */
  ModuleRuntime start(ModuleDispatch dispatch, SymmetricKey moduleKey, UnaryOperator<Deployment> adjust) {
    return start(dispatch, moduleKey, adjust, Optional.empty());
  }

  /** As above, listening on a socket file in {@code socketFolder} too, as under an aex EM. */
  ModuleRuntime start(ModuleDispatch dispatch, SymmetricKey moduleKey,
      UnaryOperator<Deployment> adjust, Optional<Path> socketFolder) {
    while (nextId <= MAX_ID && em.port() + nextId <= 0xffff) {
      Deployment deployment = adjust.apply(Deployment.of(nextId++, em.port(), moduleKey));
      try {
        ModuleRuntime runtime = ModuleRuntime.start(deployment, dispatch, socketFolder);
        runtimes.add(runtime);
        return runtime;
      } catch (ModuleStartException e) {
        if (!(e.getCause() instanceof BindException)) {
          throw new AssertionError(e);
        }
      }
    }
    throw new AssertionError("no free module port above fake EM port " + em.port());
  }

  ModuleRuntime start(ModuleDispatch dispatch, SymmetricKey moduleKey) {
    return start(dispatch, moduleKey, UnaryOperator.identity());
  }

  @Override
  public void close() {
    runtimes.forEach(ModuleRuntime::close);
    em.close();
  }
}
