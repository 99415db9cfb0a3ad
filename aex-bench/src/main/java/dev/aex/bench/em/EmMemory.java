package dev.aex.bench.em;

import dev.aex.bench.e2e.EndToEnd;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.WireReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of an event manager process ({@code dev.aex.em.EmMain} with the JVM flags {@code ./aex em}
 * runs it with) with 0 to 4000 client connections held open between commands: resident set size,
 * heap in use after a full GC, and JVM threads (a platform thread for each of the first 64
 * connections, virtual threads beyond). Linux only ({@code /proc}, {@code jcmd}).
 *
 * <pre>bash scripts/bench.sh em-memory</pre>
 */
public final class EmMemory {
  private static final int[] CONNECTIONS = {0, 10, 100, 1000, 4000};
  private static final Duration SETTLE = Duration.ofSeconds(2);
  /** A generation's (serial) or the whole heap's (G1) line of {@code GC.heap_info}. */
  private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

  private EmMemory() {}

  public static void main(String[] args) throws Exception {
    System.out.println("| open connections | RSS (MiB) | heap used after GC (KiB) | JVM threads |");
    System.out.println("|---:|---:|---:|---:|");
    for (int n : CONNECTIONS) {
      System.out.println(measure(n));
    }
  }

  private static String measure(int connections) throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(javaCommand("java")));
    command.addAll(List.of(EndToEnd.AEX_EM_JVM.split(" ")));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        "dev.aex.em.EmMain", "--host", "127.0.0.1", "--port", Integer.toString(port), "--log", "warn"));
    Process em = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<Socket> open = new ArrayList<>();
    try {
      awaitListening(em, port);
      for (int i = 0; i < connections; i++) {
        open.add(idleAfterOneCommand(port));
      }
      jcmd(em.pid(), "GC.run");
      Thread.sleep(SETTLE);
      return "| " + connections + " | " + rssMib(em.pid()) + " | " + heapUsedKib(em.pid()) + " | "
          + threads(em.pid()) + " |";
    } finally {
      for (Socket s : open) {
        s.close();
      }
      em.destroy();
      em.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** A connection that sent a Reset (answered) and now waits, as a client between commands. */
  private static Socket idleAfterOneCommand(int port) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    OutputStream out = socket.getOutputStream();
    CommandMessage.of(CommandCode.RESET).writeTo(out);
    out.flush();
    WireReader.of(socket, Duration.ofSeconds(10)).readResult().orElseThrow();
    return socket;
  }

  private static void awaitListening(Process em, int port) throws Exception {
    for (int i = 0; i < 500; i++) {
      if (!em.isAlive()) {
        throw new IllegalStateException("the event manager exited with " + em.exitValue());
      }
      try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    throw new IllegalStateException("the event manager did not listen on " + port);
  }

  private static String rssMib(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        long kib = Long.parseLong(line.replaceAll("\\D", ""));
        return String.format("%.1f", kib / 1024.0);
      }
    }
    return "?";
  }

  private static String heapUsedKib(long pid) throws Exception {
    Matcher m = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
    long kib = 0;
    while (m.find()) {
      kib += Long.parseLong(m.group(1));
    }
    return Long.toString(kib);
  }

  private static String threads(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("Threads:")) {
        return line.substring("Threads:".length()).strip();
      }
    }
    return "?";
  }

  private static String jcmd(long pid, String command) throws Exception {
    Process jcmd = new ProcessBuilder(javaCommand("jcmd"), Long.toString(pid), command)
        .redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor(30, TimeUnit.SECONDS);
    return output;
  }

  /** A tool of the JDK running this harness. */
  private static String javaCommand(String tool) {
    return Path.of(System.getProperty("java.home"), "bin", tool).toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }
}
