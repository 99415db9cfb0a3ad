package dev.aex.em.support;

import dev.aex.em.EventManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** In-process event managers on loopback, as the tests start them. */
public final class TestEms {
  private TestEms() {}

  /**
   * A started event manager on 127.0.0.1:{@code port} with short timeouts for tests. It routes to
   * modules it did not load, so that tests can put a {@link FakeModule} behind it.
   */
  public static EventManager start(int port, UnaryOperator<EventManager.Builder> options) {
    EventManager.Builder builder = EventManager.builder()
        .host(InetAddress.getLoopbackAddress())
        .port(port)
        .loadTimeout(Duration.ofSeconds(60))
        .moduleTimeout(Duration.ofSeconds(20))
        .routeToUnloadedModules(true);
    try {
      return options.apply(builder).build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static EventManager start(int port) {
    return start(port, UnaryOperator.identity());
  }
}
