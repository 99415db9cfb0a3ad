package dev.aex.bench.em;

import dev.aex.em.EventManager;
import dev.aex.em.LogLevel;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An in-process event manager on loopback with one counting module, id 1, behind it: not loaded,
 * so the event manager routes to modules it did not load.
 */
record EmNode(EventManager em, CountingModule module) implements AutoCloseable {
  private static final int ATTEMPTS = 100;

  static EmNode start() throws IOException {
    for (int i = 0; i < ATTEMPTS; i++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
      Optional<CountingModule> module = CountingModule.listen(port + 1);
      if (module.isEmpty()) {
        continue;
      }
      try {
        EventManager em = EventManager.builder().host(InetAddress.getLoopbackAddress()).port(port)
            .logLevel(LogLevel.WARN).routeToUnloadedModules(true).build().start();
        return new EmNode(em, module.get());
      } catch (IOException taken) {
        module.get().close();
      }
    }
    throw new IOException("no free pair of loopback ports for an event manager and its module");
  }

  int port() {
    return em.port();
  }

  @Override
  public void close() throws IOException {
    em.close();
    module.close();
  }
}
