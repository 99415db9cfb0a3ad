package dev.aex.bench.startup;

import dev.aex.bench.ExampleCopy;
import dev.aex.crypto.SymmetricKey;
import dev.aex.module.build.BuiltModule;
import dev.aex.module.build.ModuleBuilder;
import dev.aex.module.build.ModuleStamp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Start-up time and resident memory of one module process, built from {@code aex-bench/modules/sink}
 * by the module builder. Compares the module binary's launcher (its JVM flags) with plain {@code
 * java -jar} and the JDK's defaults.
 *
 * <pre>
 * bash scripts/bench.sh startup [runs] [calls]
 * </pre>
 */
public final class ModuleStartup {
  private ModuleStartup() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int emPort = freePortPair();
    Path work = Files.createTempDirectory("aex-startup-");
    BuiltModule built = ModuleBuilder.build(Path.of("aex-bench/modules/sink"),
        ModuleStamp.of(1, emPort, SymmetricKey.random16()), work.resolve("sink"));
    String binary = built.binary().toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    System.out.printf("module binary %s (%d KiB), Java %s; median of %d runs, %d calls after idle%n%n",
        binary, Files.size(built.binary()) / 1024, Runtime.version(), runs, calls);
    System.out.println("| how it starts | listening | first reply | RSS idle (own) | RSS after calls (own)"
        + " | CPU to idle | CPU after calls |");
    System.out.println("|---|---|---|---|---|---|---|");

    try {
      report("launcher", runs, i -> StartupRun.measure(List.of(binary),
          Map.of("JAVA_HOME", System.getProperty("java.home")), emPort + 1, calls));
      report("java -jar with the JDK's defaults", runs,
          i -> StartupRun.measure(List.of(java, "-jar", binary), Map.of(), emPort + 1, calls));
    } finally {
      ExampleCopy.delete(work);
    }
  }

  interface Run {
    StartupRun run(int index) throws IOException, InterruptedException;
  }

  private static void report(String name, int runs, Run run) throws IOException, InterruptedException {
    List<StartupRun> samples = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      samples.add(run.run(i));
    }
    System.out.printf("| %s | %.0f ms | %.0f ms | %.1f (%.1f) MiB | %.1f (%.1f) MiB | %d ms | %d ms |%n",
        name, median(samples, StartupRun::listenMs), median(samples, StartupRun::firstReplyMs),
        mib(samples, r -> r.idle().rssKib()), mib(samples, r -> r.idle().anonKib()),
        mib(samples, r -> r.afterCalls().rssKib()), mib(samples, r -> r.afterCalls().anonKib()),
        (long) median(samples, r -> r.idle().cpuMillis()), (long) median(samples, r -> r.afterCalls().cpuMillis()));
  }

  private static double mib(List<StartupRun> samples, ToDoubleFunction<StartupRun> kib) {
    return median(samples, kib) / 1024;
  }

  private static double median(List<StartupRun> samples, ToDoubleFunction<StartupRun> metric) {
    List<Double> values = samples.stream().map(metric::applyAsDouble).sorted(Comparator.naturalOrder()).toList();
    return values.get(values.size() / 2);
  }

  /** A port P with P + 1 free too: the module (id 1) listens on P + 1; nothing listens on P. */
  private static int freePortPair() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket em = new ServerSocket()) {
        em.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        try (ServerSocket module = new ServerSocket()) {
          module.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), em.getLocalPort() + 1));
          return em.getLocalPort();
        } catch (IOException busy) {
          // Try another pair.
        }
      }
    }
    throw new IOException("no two adjacent free ports on loopback");
  }
}
