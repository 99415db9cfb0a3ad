package dev.aex.module.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.SymmetricKey;
import dev.aex.wire.payload.IoKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** After any sequence of set_keys, the table agrees with the last key of every conn_id. */
class ConnectionTableTest {
  private static final int[] IO_IDS = {0, 1, 16384, 16385, 32768, 32769, 49152};

  @Property(tries = 200)
  void fanOutAndRequestsFollowTheLastSetKey(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 5) Integer> connIds,
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 6) Integer> ioChoices) {
    ConnectionTable table = new ConnectionTable();
    Map<Integer, Integer> last = new HashMap<>();
    Map<Integer, Integer> lastRequest = new HashMap<>();
    ChannelCipher cipher = Suite.SECURE_AES.newChannel(0, SymmetricKey.random16());
    for (int i = 0; i < Math.min(connIds.size(), ioChoices.size()); i++) {
      int connId = connIds.get(i);
      int ioId = IO_IDS[ioChoices.get(i)];
      table.put(new Connection(connId, ioId, "endpoint " + ioId, Suite.SECURE_AES, cipher));
      last.put(connId, ioId);
      lastRequest.values().remove(connId);
      if (IoKind.classify(ioId) == IoKind.REQUEST) {
        lastRequest.put(ioId, connId);
      }
    }
    for (int ioId : IO_IDS) {
      List<Integer> expected =
          last.entrySet().stream()
              .filter(e -> e.getValue() == ioId && IoKind.classify(ioId) == IoKind.OUTPUT)
              .map(Map.Entry::getKey)
              .sorted()
              .toList();
      assertThat(table.outputConnections(ioId).stream().map(Connection::connId).toList())
          .isEqualTo(expected);
      assertThat(table.requestConnection(ioId).map(Connection::connId))
          .isEqualTo(Optional.ofNullable(lastRequest.get(ioId)));
    }
    last.forEach((connId, ioId) -> assertThat(table.get(connId).orElseThrow().ioId()).isEqualTo(ioId));
    assertThat(table.clear()).isEqualTo(last.size());
    assertThat(table.get(0)).isEmpty();
  }
}
