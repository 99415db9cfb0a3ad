package dev.aex.em.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.legacy.LegacyZeroIvAesGcm;
import dev.aex.em.EventManager;
import dev.aex.em.support.Await;
import dev.aex.em.support.Deployer;
import dev.aex.em.support.EmClient;
import dev.aex.em.support.RelayBinary;
import dev.aex.em.support.TestEms;
import dev.aex.testkit.LoopbackPorts;
import dev.aex.wire.Bytes;
import dev.aex.wire.payload.RemoteOutput;
import dev.aex.wire.payload.SealedData;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's order-and-loss test: 2000 back-to-back events through a two-node chain, source
 * module on node 1, sink module on node 2, all counted at the sink. The modules run in legacy
 * mode, where a receiver accepts only the very next 16-bit counter (the original's rule), so a
 * single reordered or lost event would stop the count short: all 2000 arriving proves they
 * arrived complete and in order.
 */
class OrderedChainTest {
  private static final int EVENTS = 2000;
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir static Path builds;
  static int em1Port;
  static int em2Port;
  static RelayBinary source;
  static RelayBinary sink;

  EventManager em1;
  EventManager em2;
  SymmetricKey directKey = SymmetricKey.random16();

  @BeforeAll
  static void build() {
    // LoopbackPorts never hands out a port twice, so the two module port ranges cannot meet.
    em1Port = LoopbackPorts.freeBlock(2);
    em2Port = LoopbackPorts.freeBlock(2);
    source = RelayBinary.build(builds, 1, em1Port, true);
    sink = RelayBinary.build(builds, 1, em2Port, true);
  }

  @BeforeEach
  void deploy() {
    em1 = TestEms.start(em1Port);
    em2 = TestEms.start(em2Port);
    Deployer.load(em1Port, source);
    Deployer.load(em2Port, sink);
    SymmetricKey chainKey = SymmetricKey.random16();
    Deployer.legacySetKey(em1Port, source, 0, 0, "event", directKey);
    Deployer.legacySetKey(em1Port, source, 1, 1, "relayed", chainKey);
    Deployer.legacySetKey(em2Port, sink, 0, 1, "event", chainKey);
    Deployer.connect(em1Port, 1, sink.moduleId(), false, em2Port);
  }

  @AfterEach
  void stop() {
    em1.close();
    em2.close();
  }

  @Test
  void twoThousandEventsWrittenAtOnceOnOneConnectionAllReachTheSink() throws Exception {
    LegacyZeroIvAesGcm direct = LegacyZeroIvAesGcm.create(directKey);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int n = 0; n < EVENTS; n++) {
      byte[] frame = direct.encrypt(be16(n), ByteBuffer.allocate(4).putInt(n).array());
      all.writeBytes(new RemoteOutput(source.moduleId(), 0, SealedData.split(Bytes.of(frame), "test"))
          .toMessage().encode().toByteArray());
    }

    try (EmClient client = EmClient.connect(em1Port)) {
      client.sendRaw(all.toByteArray());
      Await.until(EVENTS + " events counted at the sink", WAIT, () -> Deployer.stats(em2Port, sink)[0] == EVENTS);
    }
    assertThat(Deployer.stats(em1Port, source)[0]).isEqualTo(EVENTS);
  }

  @Test
  void twoThousandOutputsOfOneModuleEachOnItsOwnConnectionAllReachTheSink() {
    byte[] count = ByteBuffer.allocate(4).putInt(EVENTS).array();

    assertThat(Deployer.call(em1Port, source.moduleId(), source.id("burst"), count)).contains(Deployer.OK);

    Await.until(EVENTS + " events counted at the sink", WAIT, () -> Deployer.stats(em2Port, sink)[0] == EVENTS);
  }

  private static byte[] be16(int n) {
    return new byte[] {(byte) (n >>> 8), (byte) n};
  }
}
