package dev.aex.bench.em;

import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.Message;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireReader;
import dev.aex.wire.payload.Connect;
import dev.aex.wire.payload.EntryCall;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the event manager costs per event, on loopback, with a module that does nothing:
 *
 * <ul>
 *   <li>{@code localEvents}: batches of RemoteOutput written back to back on one connection,
 *       delivered in order to a module on the same node (one kept connection to the module);
 *   <li>{@code remoteEvents}: batches of ModuleOutput on a remote route: node 1 forwards each as
 *       RemoteOutput to node 2 (a new connection per event, as original peers need), node 2
 *       delivers it to its module;
 *   <li>{@code requestThroughEm} / {@code requestDirect}: one RemoteRequest answered through the
 *       event manager, against the same Message sent straight to the module; the difference is
 *       the event manager's share of a request's round trip.
 * </ul>
 *
 * Event times are per event at saturation (a batch is timed until its last event arrived).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EmForwardingBenchmark {
  static final int BATCH = 200;
  private static final int CONN = 1;
  private static final Bytes DATA = Bytes.of(new byte[48]); // 32 bytes of ciphertext and a tag

  private EmNode node1;
  private EmNode node2;
  private Socket client;
  private Socket direct;
  private WireReader clientReplies;
  private WireReader directReplies;
  private byte[] localBatch;
  private byte[] remoteBatch;
  private byte[] request;
  private byte[] directRequest;

  @Setup
  public void start() throws IOException {
    node1 = EmNode.start();
    node2 = EmNode.start();
    Inet4Address loopback = (Inet4Address) InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    send(new Connect(CONN, 1, false, node2.port(), loopback).toMessage(), node1.port());
    client = open(node1.port());
    clientReplies = WireReader.of(client, Duration.ofSeconds(30));
    direct = open(node1.port() + 1);
    directReplies = WireReader.of(direct, Duration.ofSeconds(30));
    localBatch = repeat(new CommandMessage(CommandCode.REMOTE_OUTPUT, head(1)));
    remoteBatch = repeat(new CommandMessage(CommandCode.MODULE_OUTPUT, head(3)));
    request = new CommandMessage(CommandCode.REMOTE_REQUEST, head(1)).encode().toByteArray();
    directRequest = new Message(new EntryCall(4, Bytes.of((byte) 0, (byte) CONN).concat(DATA)).encode())
        .encode().toByteArray();
  }

  @TearDown
  public void stop() throws IOException {
    client.close();
    direct.close();
    node1.close();
    node2.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void localEvents() throws IOException {
    sendBatch(localBatch, node1.module());
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void remoteEvents() throws IOException {
    sendBatch(remoteBatch, node2.module());
  }

  /** Writes a batch on the client connection and waits until all of it reached {@code module}. */
  private void sendBatch(byte[] batch, CountingModule module) throws IOException {
    long target = module.received() + BATCH;
    write(client, batch);
    module.awaitReceived(target);
  }

  @Benchmark
  public ResultMessage requestThroughEm() throws IOException {
    write(client, request);
    return clientReplies.readResult().orElseThrow();
  }

  @Benchmark
  public ResultMessage requestDirect() throws IOException {
    write(direct, directRequest);
    return directReplies.readResult().orElseThrow();
  }

  /** {@code [first:2][conn_id:2][DATA]}: to_sm for Remote*, entry_id for ModuleOutput. */
  private static Bytes head(int first) {
    return Bytes.of((byte) 0, (byte) first, (byte) 0, (byte) CONN).concat(DATA);
  }

  private static byte[] repeat(CommandMessage command) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < BATCH; i++) {
      all.writeBytes(command.encode().toByteArray());
    }
    return all.toByteArray();
  }

  private static Socket open(int port) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    return socket;
  }

  private static void send(CommandMessage command, int port) throws IOException {
    try (Socket socket = open(port)) {
      write(socket, command.encode().toByteArray());
      WireReader.of(socket, Duration.ofSeconds(10)).readResult().orElseThrow();
    }
  }

  private static void write(Socket socket, byte[] bytes) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(bytes);
    out.flush();
  }
}
