package dev.aex.bench.startup;

import dev.aex.wire.Bytes;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireReader;
import dev.aex.wire.payload.EntryCall;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One start of a module process: time until it listens and until it answers its first call,
 * then memory and CPU when idle and after a run of calls.
 */
record StartupRun(double listenMs, double firstReplyMs, ProcessStats idle, ProcessStats afterCalls) {
  private static final Duration START_LIMIT = Duration.ofSeconds(30);
  private static final Duration IDLE = Duration.ofMillis(500);
  private static final int PING_ENTRY = 5;

  static StartupRun measure(List<String> command, Map<String, String> env, int port, int calls)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      double listen = millisSince(start, awaitListening(process, port, start));
      ping(port);
      double firstReply = millisSince(start, System.nanoTime());
      Thread.sleep(IDLE);
      ProcessStats idle = ProcessStats.of(process.pid());
      for (int i = 0; i < calls; i++) {
        ping(port);
      }
      return new StartupRun(listen, firstReply, idle, ProcessStats.of(process.pid()));
    } finally {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static long awaitListening(Process process, int port, long start)
      throws IOException, InterruptedException {
    while (System.nanoTime() - start < START_LIMIT.toNanos()) {
      if (!process.isAlive()) {
        throw new IOException("module exited with status " + process.exitValue() + " before listening");
      }
      try {
        new Socket(InetAddress.getLoopbackAddress(), port).close();
        return System.nanoTime();
      } catch (IOException notYet) {
        Thread.sleep(1);
      }
    }
    throw new IOException("module did not listen on port " + port + " within " + START_LIMIT);
  }

  private static void ping(int port) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = socket.getOutputStream();
      out.write(new EntryCall(PING_ENTRY, Bytes.of(new byte[4])).toMessage().encode().toByteArray());
      out.flush();
      ResultMessage reply = WireReader.of(socket, Duration.ofSeconds(5)).readResult()
          .orElseThrow(() -> new IOException("module closed without a reply"));
      if (reply.code() != ResultCode.OK) {
        throw new IOException("ping answered " + reply.code());
      }
    }
  }

  private static double millisSince(long start, long end) {
    return (end - start) / 1e6;
  }
}
