package dev.aex.em.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.em.LogLevel;
import dev.aex.em.internal.Settings;
import dev.aex.em.internal.server.Outcome;
import dev.aex.wire.Bytes;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventRouterTest {
  @TempDir Path folder;

  /**
   * An event that the full queue to its module refuses is dropped at once, and the router says
   * so (a kept sender is then told GenericError), instead of reporting it as on its way.
   */
  @Test
  void anEventTheFullQueueRefusesIsADropNotSilence() throws Exception {
    try (ServerSocket stuck = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int emPort = stuck.getLocalPort() - 1; // the module with id 1 listens on emPort + 1
      Settings.Timeouts timeouts = new Settings.Timeouts(Duration.ofSeconds(5),
          Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5),
          Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5),
          Duration.ofMillis(250), Duration.ofMillis(100));
      Settings settings = new Settings(InetAddress.getLoopbackAddress(), emPort, LogLevel.WARN,
          false, folder, a -> a, true, true, true, 1 << 20, timeouts,
          new Settings.Limits(100, 1, 16, 32 << 20, 4), Optional.empty());
      Delivery delivery = new Delivery(settings, () -> emPort, folder);
      EventRouter router =
          new EventRouter(new RouteTable(), delivery, Duration.ofSeconds(5), id -> true);
      Bytes event = Bytes.fromHex("00010005010203"); // to module 1, connection 5, 3 bytes

      // The first is taken by the lane's thread, which waits for the module's reply; the next
      // fills the lane (capacity 1); a later one finds it full for the lane wait, 100 ms.
      List<Outcome> outcomes = new ArrayList<>();
      for (int i = 0; i < 10 && !outcomes.contains(Outcome.drop()); i++) {
        outcomes.add(router.remoteOutput(event, () -> {}, false));
      }

      assertThat(outcomes).first().isEqualTo(Outcome.silent());
      assertThat(outcomes).last().isEqualTo(Outcome.drop());
      delivery.reset();
    }
  }
}
