package dev.aex.bench.e2e;

import dev.aex.bench.ExampleCopy;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.deployer.Deployer;
import dev.aex.deployer.DeployerListener;
import dev.aex.deployer.DeployerSettings;
import dev.aex.deployer.Selection;
import dev.aex.deployer.descriptor.Connection;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.NativeModule;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Two event manager processes on free loopback ports, the FOSDEM example deployed on them through
 * the {@code Deployer} API (a temporary copy with the ports rewritten), and the processes to
 * measure. {@link #close} stops every process it started, with bounded waits.
 */
final class Cluster implements AutoCloseable {
  private static final Duration LISTEN_LIMIT = Duration.ofSeconds(30);

  final Path workspace;
  final int node1Port;
  final int node2Port;
  final Deployer deployer;
  /** name → pid: "em node1", "em node2", then the modules. */
  final Map<String, Long> pids = new LinkedHashMap<>();
  private final List<Process> managers = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();
  private final List<ProcessHandle> modules = new ArrayList<>();
  private Path profileDir;
  private Path keepLogs;
  private String emLog = "warn";
  /** Stops the processes and deletes the workspace when the harness is stopped mid-run. */
  private final Thread hook = new Thread(() -> {
    stopProcesses();
    deleteWorkspace();
  }, "e2e-cleanup");

  private Cluster(Path workspace, int node1Port, int node2Port, Deployer deployer) {
    this.workspace = workspace;
    this.node1Port = node1Port;
    this.node2Port = node2Port;
    this.deployer = deployer;
  }

  /**
   * @param emModulePath the event manager's module path (aex-em and aex-wire); empty: from the
   *     class path
   * @param profileDir if present, every event manager and module process records a JFR profile
   *     there (JAVA_TOOL_OPTIONS, which the modules inherit)
   */
  static Cluster start(Path example, List<String> emJvmOptions, String emModulePath,
      String profileDir, String emLog, String logDir) throws Exception {
    Path workspace = ExampleCopy.of(example, Files.createTempDirectory("aex-e2e-"));
    int p1 = freeBlock(-1);
    int p2 = freeBlock(p1);
    Path descriptor = workspace.resolve("native.json");
    String text = Files.readString(descriptor)
        .replaceAll("\"reactive_port\"\\s*:\\s*5000", "\"reactive_port\": " + p1)
        .replaceAll("\"reactive_port\"\\s*:\\s*6000", "\"reactive_port\": " + p2);
    Files.writeString(descriptor, text);
    Deployer deployer = Deployer.open(descriptor, DeployerSettings.defaults(workspace)
        .withTimeout(Duration.ofSeconds(30)).withListener(DeployerListener.silent()));
    Cluster cluster = new Cluster(workspace, p1, p2, deployer);
    cluster.emLog = emLog;
    if (!logDir.isBlank()) {
      cluster.keepLogs = Files.createDirectories(Path.of(logDir));
    }
    Runtime.getRuntime().addShutdownHook(cluster.hook);
    try {
      String path = emModulePath.isBlank() ? emModulePath() : emModulePath;
      cluster.startManager("node1", p1, emJvmOptions, path, profileDir);
      cluster.startManager("node2", p2, emJvmOptions, path, profileDir);
      deployer.deploy(Selection.all());
      deployer.attest(Selection.all());
      deployer.connect(Selection.all());
      cluster.findModules();
      return cluster;
    } catch (Exception | Error e) {
      cluster.printLogs();
      cluster.close();
      throw e;
    }
  }

  /** The direct connection {@code name}, continuing its sender where the deployer stopped. */
  WireClient.Direct direct(String name) {
    Descriptor state = deployer.state();
    Connection c = state.connection(name).orElseThrow(() -> new IllegalStateException("no connection " + name));
    if (!c.direct() || !c.established()) {
      throw new IllegalStateException(name + " is not an established direct connection");
    }
    Module to = state.module(c.target().module()).orElseThrow();
    return new WireClient.Direct(to.id().orElseThrow(), c.id().orElseThrow(),
        SecureAesGcm.create(c.key().orElseThrow()), c.nonce());
  }

  private void startManager(String node, int port, List<String> jvmOptions, String modulePath,
      String profileDir) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("--module-path", modulePath, "-m", "dev.aex.em/dev.aex.em.EmMain",
        "--host", "127.0.0.1", "--port", Integer.toString(port), "--log", emLog));
    Path log = workspace.resolve("em-" + node + ".log");
    logs.add(log);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    if (!profileDir.isBlank()) {
      Files.createDirectories(Path.of(profileDir));
      String jfr = "-XX:StartFlightRecording=settings=profile,filename="
          + Path.of(profileDir).toAbsolutePath() + "/rec-%p.jfr";
      builder.environment().put("JAVA_TOOL_OPTIONS", jfr);
      builder.environment().put("AEX_JAVA_OPTS", jfr);
      this.profileDir = Path.of(profileDir);
      if (keepLogs == null) {
        keepLogs = this.profileDir;
      }
    }
    Process em = builder.start();
    managers.add(em);
    pids.put("em " + node, em.pid());
    long deadline = System.nanoTime() + LISTEN_LIMIT.toNanos();
    while (true) {
      if (!em.isAlive()) {
        throw new IOException("event manager " + node + " exited with " + em.exitValue());
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new IOException("event manager " + node + " did not listen on " + port + " in " + LISTEN_LIMIT);
        }
        Thread.sleep(20);
      }
    }
  }

  private void findModules() throws IOException {
    List<Long> children = new ArrayList<>();
    for (Process em : managers) {
      em.children().forEach(child -> {
        modules.add(child);
        children.add(child.pid());
      });
    }
    Map<Integer, String> nameOfPort = new LinkedHashMap<>();
    for (Module m : deployer.state().modules()) {
      if (m instanceof NativeModule n) {
        nameOfPort.put(n.port().orElseThrow(), n.name());
      }
    }
    Map<Integer, Long> pidOfPort = Procs.listeners(children, List.copyOf(nameOfPort.keySet()));
    nameOfPort.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
      Long pid = pidOfPort.get(e.getKey());
      if (pid == null) {
        throw new IllegalStateException("no process listens on " + e.getKey() + " (" + e.getValue() + ")");
      }
      pids.put(e.getValue(), pid);
    });
  }

  /** The module path of the event manager: aex-em and aex-wire from the class path, or target/lib. */
  private static String emModulePath() {
    String em = null;
    String wire = null;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String normal = entry.replace('\\', '/');
      if (normal.matches(".*/aex-em-[^/]*\\.jar") || normal.endsWith("aex-em/target/classes")) {
        em = entry;
      } else if (normal.matches(".*/aex-wire-[^/]*\\.jar") || normal.endsWith("aex-wire/target/classes")) {
        wire = entry;
      }
    }
    if (em == null || wire == null) {
      Path lib = Path.of("aex-bench/target/lib");
      em = lib.resolve("aex-em-0.1.0-SNAPSHOT.jar").toString();
      wire = lib.resolve("aex-wire-0.1.0-SNAPSHOT.jar").toString();
    }
    return em + File.pathSeparator + wire;
  }

  /** A port p below 32768 with p .. p+19 free (module ports are p + id). */
  private static int freeBlock(int avoid) throws IOException {
    for (int attempt = 0; attempt < 200; attempt++) {
      int p = ThreadLocalRandom.current().nextInt(20_000, 32_000) / 10 * 10;
      if (avoid > 0 && Math.abs(p - avoid) < 40) {
        continue;
      }
      boolean free = true;
      for (int q = p; q < p + 20 && free; q++) {
        try (ServerSocket s = new ServerSocket(q, 1, InetAddress.getLoopbackAddress())) {
          s.setReuseAddress(true);
        } catch (IOException busy) {
          free = false;
        }
      }
      if (free) {
        return p;
      }
    }
    throw new IOException("no free block of 20 ports below 32768");
  }

  void printLogs() {
    for (Path log : logs) {
      try {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        System.err.println("--- last lines of " + log + " ---");
        lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(System.err::println);
      } catch (IOException | RuntimeException e) {
        System.err.println("(cannot read " + log + ": " + e + ")");
      }
    }
  }

  private synchronized void stopProcesses() {
    for (Process em : managers) {
      em.children().forEach(c -> {
        if (!modules.contains(c)) {
          modules.add(c);
        }
      });
      em.destroy(); // SIGTERM: the event manager stops its modules
    }
    for (Process em : managers) {
      try {
        if (!em.waitFor(10, TimeUnit.SECONDS)) {
          em.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (ProcessHandle module : modules) {
      if (module.isAlive()) {
        module.destroy();
        try {
          module.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception stillThere) {
          module.destroyForcibly();
        }
      }
    }
  }

  /** With profiling on, each process's recording as {@code <profileDir>/<name>.jfr} (jcmd). */
  private void dumpProfiles() {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    for (Map.Entry<String, Long> p : pids.entrySet()) {
      Path file = profileDir.toAbsolutePath().resolve(p.getKey().replace(' ', '-') + ".jfr");
      try {
        Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(p.getValue()), "JFR.dump",
            "name=1", "filename=" + file).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!dump.waitFor(30, TimeUnit.SECONDS)) {
          dump.destroyForcibly();
        }
      } catch (IOException | InterruptedException e) {
        System.err.println("no profile of " + p.getKey() + ": " + e);
      }
    }
  }

  @Override
  public void close() {
    if (profileDir != null) {
      dumpProfiles();
    }
    stopProcesses();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
    if (keepLogs != null) {
      for (Path log : logs) {
        try {
          Files.copy(log, keepLogs.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          System.err.println("cannot keep " + log + ": " + e);
        }
      }
    }
    deleteWorkspace();
  }

  private void deleteWorkspace() {
    ExampleCopy.delete(workspace); // by close() or the hook, whichever comes first
  }
}
