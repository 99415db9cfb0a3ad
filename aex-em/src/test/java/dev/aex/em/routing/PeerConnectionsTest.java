package dev.aex.em.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.em.EventManager;
import dev.aex.em.support.CountingProxy;
import dev.aex.em.support.Deployer;
import dev.aex.em.support.EmClient;
import dev.aex.em.support.FakeModule;
import dev.aex.em.support.LoopbackServer;
import dev.aex.em.support.RawRecorder;
import dev.aex.em.support.TestEms;
import dev.aex.testkit.LoopbackPorts;
import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.Message;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connections between event managers: kept open between two aex event managers (negotiated by the
 * aex hello), one per command to original peers, and no event lost or repeated when a kept
 * connection breaks or the peer restarts.
 */
class PeerConnectionsTest {
  private static final int CONN = 9;
  private static final int TO_SM = 1;

  int port1;
  int port2;
  EventManager em1;
  EventManager em2;
  FakeModule sink;
  final List<AutoCloseable> others = new ArrayList<>();

  @BeforeEach
  void start() {
    // LoopbackPorts never hands out a port twice, so the two module port ranges cannot meet.
    port1 = LoopbackPorts.freeBlock(3);
    port2 = LoopbackPorts.freeBlock(3);
    sink = FakeModule.aex(port2 + TO_SM);
  }

  @AfterEach
  void stop() throws Exception {
    if (em1 != null) {
      em1.close();
    }
    if (em2 != null) {
      em2.close();
    }
    sink.close();
    for (AutoCloseable other : others) {
      other.close();
    }
  }

  /** em1 on port1 whose connection CONN goes to module TO_SM at {@code peer}. */
  private void startSource(InetSocketAddress peer) {
    em1 = TestEms.start(port1, b -> b.peerAddresses(to -> peer));
    Deployer.connect(port1, CONN, TO_SM, false, peer.getPort());
  }

  private CountingProxy proxyToEm2() {
    CountingProxy proxy = new CountingProxy(new InetSocketAddress(Deployer.loopback(), port2));
    others.add(proxy);
    return proxy;
  }

  @Test
  void twoAexEventManagersKeepOneConnectionForManyEventsAndOneForRequests() {
    em2 = TestEms.start(port2);
    CountingProxy proxy = proxyToEm2();
    startSource(proxy.address());
    sink.respondWith(m -> Optional.of(new ResultMessage(ResultCode.OK, m.payload().slice(4, 8))));

    try (EmClient module = EmClient.connect(port1)) {
      for (int i = 0; i < 500; i++) {
        module.send(moduleOutput(3, i));
      }
      for (int i = 0; i < 500; i++) {
        assertThat(counter(sink.next())).isEqualTo(i);
      }
      for (int i = 0; i < 50; i++) {
        module.send(moduleOutput(4, 1000 + i));
        assertThat(module.reply()).as("reply to request " + i)
            .contains(new ResultMessage(ResultCode.OK, Bytes.of(ByteBuffer.allocate(4).putInt(1000 + i).array())));
        assertThat(counter(sink.next())).isEqualTo(1000 + i);
      }
    }
    // One kept connection for the events, one for the (sequential) requests.
    assertThat(proxy.accepted()).isEqualTo(2);
  }

  @Test
  void anOriginalPeerThatAnswersIllegalCommandGetsEveryEventOnAConnectionOfItsOwn() {
    RawRecorder original = new RawRecorder();
    others.add(original);
    startSource(original.address());

    try (EmClient module = EmClient.connect(port1)) {
      for (int i = 0; i < 100; i++) {
        module.send(moduleOutput(3, i));
      }
    }
    // The recorder reads its connections in parallel, so it may list them in another order.
    List<String> received = new ArrayList<>();
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      received.add(original.next());
      sent.add(remoteOutput(i).encode().hex());
    }
    assertThat(received).as("each event alone on its connection").containsExactlyInAnyOrderElementsOf(sent);
    assertThat(original.hellos()).as("the hello is asked once, then remembered").isEqualTo(1);
  }

  @Test
  void aTrustZonePeerThatEchoesTheHelloIsTreatedAsOriginal() {
    EchoingPeer tz = new EchoingPeer();
    others.add(tz);
    startSource(tz.server.address());

    try (EmClient module = EmClient.connect(port1)) {
      for (int i = 0; i < 20; i++) {
        module.send(moduleOutput(3, i));
      }
    }
    // The fake reads its connections in parallel, so it may list them in another order.
    List<CommandMessage> received = new ArrayList<>();
    List<CommandMessage> sent = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      received.add(tz.next());
      sent.add(remoteOutput(i));
    }
    assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    assertThat(tz.connections.get()).as("one hello, then one connection per event").isEqualTo(21);
  }

  @Test
  void cuttingKeptConnectionsMidStreamLosesAndRepeatsNothing() throws Exception {
    em2 = TestEms.start(port2);
    CountingProxy proxy = proxyToEm2();
    startSource(proxy.address());
    int total = 2000;

    try (EmClient module = EmClient.connect(port1)) {
      module.send(moduleOutput(3, 0));
      assertThat(counter(sink.next())).isZero(); // the kept connection is up: now break it, often
      for (int i = 1; i < total; i++) {
        module.send(moduleOutput(3, i));
        if (i % 200 == 199) {
          Thread.sleep(2); // let the queue to the peer get going, then break its connection
          proxy.cutAll();
        }
      }
    }
    for (int i = 1; i < total; i++) {
      assertThat(counter(sink.next())).as("event " + i).isEqualTo(i);
    }
    assertThat(proxy.accepted()).as("the cuts forced new connections").isGreaterThan(1);
    assertThat(sink.quietFor(Duration.ofMillis(300))).as("no event twice").isTrue();
  }

  /**
   * A restarted peer no longer knows the session, so the events its old process took but had not
   * acknowledged yet come again (EventStream; the modules' replay windows refuse them): they may
   * precede the new ones, in order, and nothing else repeats or goes missing.
   */
  @Test
  void aPeerThatRestartsBetweenEventsGetsEveryNewEventOnceInOrder() {
    em2 = TestEms.start(port2);
    startSource(new InetSocketAddress(Deployer.loopback(), port2));

    try (EmClient module = EmClient.connect(port1)) {
      for (int i = 0; i < 200; i++) {
        module.send(moduleOutput(3, i));
      }
      for (int i = 0; i < 200; i++) {
        assertThat(counter(sink.next())).isEqualTo(i);
      }
      em2.close(); // the kept connection is now closed at the far end
      em2 = TestEms.start(port2);
      for (int i = 200; i < 400; i++) {
        module.send(moduleOutput(3, i));
      }
      int next = counter(sink.next());
      if (next < 200) { // unacknowledged at the restart: the rest of them, in order
        for (int again = next + 1; again < 200; again++) {
          assertThat(counter(sink.next())).as("repeated event").isEqualTo(again);
        }
        next = counter(sink.next());
      }
      assertThat(next).isEqualTo(200);
      for (int i = 201; i < 400; i++) {
        assertThat(counter(sink.next())).isEqualTo(i);
      }
    }
    assertThat(sink.quietFor(Duration.ofMillis(300))).as("no event twice").isTrue();
  }

  @Test
  void anEventWhoseAcknowledgementIsLostIsNotSentTwice() {
    AckLosingPeer peer = new AckLosingPeer(1);
    others.add(peer);
    startSource(peer.server.address());

    try (EmClient module = EmClient.connect(port1)) {
      for (int i = 0; i < 3; i++) {
        module.send(moduleOutput(3, i));
      }
    }
    for (int i = 0; i < 3; i++) {
      assertThat(peer.next()).isEqualTo(remoteOutput(i));
    }
    assertThat(peer.quietFor()).as("event 1 only once").isTrue();
    assertThat(peer.hellos.get()).as("a new connection after the lost acknowledgement").isEqualTo(2);
  }

  @Test
  void withoutKeptConnectionsNoHelloIsSent() {
    RawRecorder original = new RawRecorder();
    others.add(original);
    em1 = TestEms.start(port1, b -> b.peerAddresses(to -> original.address()).keepPeerConnections(false));
    Deployer.connect(port1, CONN, TO_SM, false, original.address().getPort());

    EmClient.send(port1, moduleOutput(3, 7));

    assertThat(original.next()).isEqualTo(remoteOutput(7).encode().hex());
    assertThat(original.hellos()).isZero();
  }

  /** A module's ModuleOutput on connection CONN: entry, then a 4-byte counter as the "ciphertext". */
  private static CommandMessage moduleOutput(int entry, int counter) {
    return new CommandMessage(CommandCode.MODULE_OUTPUT, head(entry, counter));
  }

  private static CommandMessage remoteOutput(int counter) {
    return new CommandMessage(CommandCode.REMOTE_OUTPUT, head(TO_SM, counter));
  }

  private static Bytes head(int first, int counter) {
    return Bytes.of(ByteBuffer.allocate(8 + 4).putShort((short) first).putShort((short) CONN)
        .putInt(counter).putInt(0xabcdef).array());
  }

  private static int counter(Message message) {
    return message.payload().asByteBuffer().getInt(4);
  }

  /**
   * An aex peer that takes event number {@code loseAckOf} (from 0) and then closes without
   * acknowledging it, as a connection cut at that moment would; its hello counts what it took.
   */
  private static final class AckLosingPeer implements AutoCloseable {
    final AtomicInteger hellos = new AtomicInteger();
    final BlockingQueue<CommandMessage> received = new LinkedBlockingQueue<>();
    final AtomicInteger taken = new AtomicInteger();
    final int loseAckOf;
    final LoopbackServer server = new LoopbackServer(0, "ack-losing-peer", this::serve);

    AckLosingPeer(int loseAckOf) {
      this.loseAckOf = loseAckOf;
    }

    private void serve(Socket socket) {
      try (socket) {
        socket.setSoTimeout(10_000);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        in.readFully(new byte[PeerHelloTest.hello(0).length]);
        hellos.incrementAndGet();
        PeerHelloTest.accept(taken.get()).writeTo(out);
        out.flush();
        while (true) {
          int code = in.read();
          if (code < 0) {
            return;
          }
          byte[] payload = new byte[in.readUnsignedShort()];
          in.readFully(payload);
          received.add(new CommandMessage(CommandCode.values()[code], Bytes.of(payload)));
          if (taken.getAndIncrement() == loseAckOf) {
            return; // taken, but the acknowledgement never leaves
          }
          ResultMessage.of(ResultCode.OK).writeTo(out);
          out.flush();
        }
      } catch (IOException e) {
        // The sender went away.
      }
    }

    CommandMessage next() {
      return nextOf(received);
    }

    boolean quietFor() {
      try {
        return received.poll(300, TimeUnit.MILLISECONDS) == null;
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }

    @Override
    public void close() {
      server.close();
    }
  }

  /**
   * A TrustZone-style peer (protocol.md §3.2.1): one command per connection; RemoteOutput is
   * answered Ok, any code above 6 is echoed back with Ok.
   */
  private static final class EchoingPeer implements AutoCloseable {
    final AtomicInteger connections = new AtomicInteger();
    final BlockingQueue<CommandMessage> received = new LinkedBlockingQueue<>();
    final LoopbackServer server = new LoopbackServer(0, "tz-peer", this::serve);

    private void serve(Socket socket) {
      connections.incrementAndGet();
      try (socket) {
        socket.setSoTimeout(10_000);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int code = in.readUnsignedByte();
        byte[] payload = new byte[in.readUnsignedShort()];
        in.readFully(payload);
        OutputStream out = socket.getOutputStream();
        if (code > 6) {
          new ResultMessage(ResultCode.OK, Bytes.of(payload)).writeTo(out);
        } else {
          received.add(new CommandMessage(CommandCode.values()[code], Bytes.of(payload)));
          ResultMessage.of(ResultCode.OK).writeTo(out);
        }
        out.flush();
      } catch (IOException e) {
        // The sender closed first: nothing to record.
      }
    }

    CommandMessage next() {
      return nextOf(received);
    }

    @Override
    public void close() {
      server.close();
    }
  }

  /** The next command a fake peer received; fails after 20 s. */
  private static CommandMessage nextOf(BlockingQueue<CommandMessage> received) {
    try {
      CommandMessage command = received.poll(20, TimeUnit.SECONDS);
      assertThat(command).as("a command within 20 s").isNotNull();
      return command;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
