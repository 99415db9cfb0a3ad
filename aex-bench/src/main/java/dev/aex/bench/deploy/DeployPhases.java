package dev.aex.bench.deploy;

import dev.aex.bench.ExampleCopy;
import dev.aex.deployer.Deployer;
import dev.aex.deployer.DeployerListener;
import dev.aex.deployer.DeployerSettings;
import dev.aex.deployer.Selection;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.Node;
import dev.aex.em.EventManager;
import dev.aex.em.LogLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time of each deployer phase for an example application (by default the FOSDEM demo: 5 modules,
 * 7 connections on two nodes), against in-process event managers on the descriptor's ports and
 * real module processes. Every run starts from a fresh copy of the example folder, so the build
 * phase compiles every module.
 *
 * <pre>
 * bash scripts/bench.sh deploy [example] [runs]
 * </pre>
 */
public final class DeployPhases {
  private static final List<String> PHASES = List.of("build", "deploy", "attest", "connect");

  private DeployPhases() {}

  public static void main(String[] args) throws Exception {
    Path example = Path.of(args.length > 0 ? args[0] : "examples/fosdem");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Map<String, List<Duration>> totals = new LinkedHashMap<>();
    for (int run = 1; run <= runs; run++) {
      Map<String, Duration> phases = runOnce(example);
      System.out.printf("run %d: %s%n", run, phases);
      phases.forEach((phase, time) -> totals.computeIfAbsent(phase, p -> new ArrayList<>()).add(time));
    }
    System.out.printf("%n%s, median of %d runs, Java %s%n%n| phase | median | min | max |%n|---|---:|---:|---:|%n",
        example, runs, Runtime.version());
    totals.forEach((phase, times) -> System.out.printf("| %s | %s | %s | %s |%n", phase,
        seconds(median(times)), seconds(times.stream().min(Duration::compareTo).orElseThrow()),
        seconds(times.stream().max(Duration::compareTo).orElseThrow())));
  }

  private static Map<String, Duration> runOnce(Path example) throws Exception {
    Path workspace = ExampleCopy.of(example, Files.createTempDirectory("aex-deploy-bench-"));
    Path descriptor = workspace.resolve("native.json");
    Deployer deployer = Deployer.open(descriptor, DeployerSettings.defaults(workspace)
        .withListener(DeployerListener.silent()));
    List<EventManager> managers = startManagers(deployer.state());
    try {
      Map<String, Duration> phases = new LinkedHashMap<>();
      for (String phase : PHASES) {
        long start = System.nanoTime();
        run(deployer, phase);
        phases.put(phase, Duration.ofNanos(System.nanoTime() - start));
      }
      phases.put("total", phases.values().stream().reduce(Duration.ZERO, Duration::plus));
      return phases;
    } finally {
      managers.forEach(EventManager::close);
      ExampleCopy.delete(workspace);
    }
  }

  private static void run(Deployer deployer, String phase) throws Exception {
    switch (phase) {
      case "build" -> deployer.build(Selection.all());
      case "deploy" -> deployer.deploy(Selection.all());
      case "attest" -> deployer.attest(Selection.all());
      case "connect" -> deployer.connect(Selection.all());
      default -> throw new IllegalArgumentException(phase);
    }
  }

  /** One event manager per node of the descriptor, on the node's port, as {@code aex em} would. */
  private static List<EventManager> startManagers(Descriptor descriptor) throws IOException {
    List<EventManager> started = new ArrayList<>();
    for (Node node : descriptor.nodes()) {
      started.add(EventManager.builder().port(node.address().reactivePort()).logLevel(LogLevel.WARN).build().start());
    }
    return started;
  }

  private static Duration median(List<Duration> times) {
    return times.stream().sorted().toList().get(times.size() / 2);
  }

  private static String seconds(Duration time) {
    return String.format("%.3f s", time.toNanos() / 1e9);
  }
}
