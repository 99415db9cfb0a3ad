package dev.aex.bench.e2e;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Markdown tables of {@link EndToEnd}: the median over the runs, the original beside it. */
final class Report {
  private final List<Map<String, Double>> runs;

  private Report(List<Map<String, Double>> runs) {
    this.runs = runs;
  }

  static void print(List<Map<String, Double>> runs, int n, int seqN, int[] clients, int warmup,
      boolean kept, String emJvm) {
    new Report(runs).print(n, seqN, clients, warmup, kept, emJvm);
  }

  private void print(int n, int seqN, int[] clients, int warmup, boolean kept, String emJvm) {
    String of = runs.size() == 1 ? "1 run" : "median of " + runs.size() + " runs";
    System.out.printf("%nEnd to end, %s; Java %s, %d CPUs; N = %d (sequential events %d), warm-up"
        + " %d requests + %d events per run; %s to the event managers; EM JVM options: %s%n",
        of, Runtime.version(), Runtime.getRuntime().availableProcessors(), n, seqN, warmup, warmup,
        median("kept") > 0.5 ? "one kept connection per client" : "one connection per command",
        emJvm.isBlank() ? "JDK defaults" : emJvm);
    System.out.printf("Machine at the time (MachineSpeed): AES-GCM seal + open of 64 B %s µs"
        + " per run (0.62 at a normal hour on the VM of BENCHMARKS.md); wake-up round trip across"
        + " two CPUs %s µs per run (NaN where it could not be measured); steal time %s %% per"
        + " run%n",
        perRun("speed.us", "%.2f"), perRun("wake.us", "%.0f"), perRun("steal.pct", "%.1f"));
    System.out.printf("Deploy + attest + connect (incl. build): %.2f s%n", median("deploy.s"));

    List<Integer> counts = new ArrayList<>();
    counts.add(1);
    for (int k : clients) {
      counts.add(k);
    }

    System.out.printf("%n**Direct request round trip** (RemoteRequest on `get-presses` through node1's"
        + " event manager to db; %d requests per row, split over the clients)%n%n", n);
    System.out.println("| clients | p50 | p90 | p99 | max | requests/s | server CPU per request (EM + db) | original |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---|");
    for (int k : counts) {
      String key = "req." + k;
      System.out.printf("| %d | %s | %s | %s | %s | %s | %s | %s |%n", k, ms(key + ".p50"),
          ms(key + ".p90"), ms(key + ".p99"), ms(key + ".max"), num(key + ".rate"),
          cpu(key + ".cpu"), k == 1 ? "p50 0.351 ms, p90 0.410, p99 0.526, max 2.94; 2750 req/s;"
              + " 0.34 ms CPU" : k == 16 ? "— (target ≥ 27 500 req/s)" : "—");
    }

    System.out.printf("%n**Event pipeline** (%d RemoteOutputs on `trigger-btn` back to back into"
        + " button_driver (node2) → controller (node1) → db; counted at db by polling `get-presses`"
        + " every 2 ms until the count reaches N or stops moving for 5 s after the last send;"
        + " concurrent senders share the connection's one sender, each on its own "
        + (median("kept") > 0.5 ? "kept link, held open until the count is read"
            : "connection per event") + "; lost = not at db by then; late = of those, arrived within"
        + " 5 s after the links closed; with loss, events/s is of what arrived, up to the last time the"
        + " count moved)%n%n", n);
    System.out.println("| senders | delivered / sent (every run) | lost (all runs) | late (all runs) |"
        + " events/s at the sink | source's send rate | CPU per event, all 7 processes (incl. polls) | original |");
    System.out.println("|---:|---|---:|---:|---:|---:|---:|---|");
    for (int k : counts) {
      String key = "ev." + k;
      System.out.printf("| %d | %s | %d | %d | %s | %s | %s | %s |%n", k, delivered(key),
          (long) sum(key + ".lost"), (long) sum(key + ".late"), num(key + ".rate"), num(key + ".sendRate"), cpu(key + ".cpu"),
          k == 1 ? "12 of 2000 delivered (16 EM threads, default); with 1 EM thread 2000/2000,"
              + " 541 events/s; 1.58 ms CPU per event" : k == 4 ? "2 of 2000 delivered" : "—");
    }

    System.out.printf("%n**One event at a time** (%d events: send on `trigger-btn`, then poll"
        + " `get-presses` without pause until the count moves)%n%n", seqN);
    System.out.println("| p50 | p99 | max | events/s | polls per event | CPU per event (all processes) | original |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---|");
    System.out.printf("| %s | %s | %s | %s | %.1f | %s | p50 2.63 ms, p99 4.03 ms, 376 events/s |%n",
        ms("seq.p50"), ms("seq.p99"), ms("seq.max"), num("seq.rate"), median("seq.polls"),
        cpu("seq.cpu"));

    System.out.println("\n**Memory and CPU per process** (RSS from /proc, own = RssAnon; idle 1.5 s"
        + " after deploy, and 1.5 s after all the load above; CPU = user + system since start)\n");
    System.out.println("| process | RSS idle (own) MiB | RSS after load (own) MiB | CPU at idle | CPU after load | original RSS |");
    System.out.println("|---|---:|---:|---:|---:|---|");
    for (String proc : processes()) {
      String p = "mem." + proc + ".";
      System.out.printf("| %s | %.1f (%.1f) | %.1f (%.1f) | %.2f s | %.2f s | %s |%n", proc,
          median(p + "idle.rss"), median(p + "idle.anon"), median(p + "load.rss"),
          median(p + "load.anon"), median(p + "idle.cpu") / 1000, median(p + "load.cpu") / 1000,
          proc.startsWith("em ") ? "≈ 3 MB" : "≈ 2.4 MB");
    }
    System.out.println("\n**CPU per operation by process** (ms of user + system CPU from /proc, over the"
        + " measure, divided by its requests or events; event rows include the polls of `get-presses`,"
        + " which cost em node1 and db)\n");
    List<String> rows = new ArrayList<>(List.of("req.1", "ev.1"));
    for (int k : clients) {
      rows.add("req." + k);
      rows.add("ev." + k);
    }
    rows.add("seq");
    StringBuilder head = new StringBuilder("| measure |");
    StringBuilder line = new StringBuilder("|---|");
    for (String proc : processes()) {
      head.append(' ').append(proc).append(" |");
      line.append("---:|");
    }
    // The harness's own CPU (its client threads) is not the system's, but shares the cores.
    System.out.println(head + " total | client (this harness) |");
    System.out.println(line + "---:|---:|");
    for (String row : rows) {
      StringBuilder b = new StringBuilder("| " + row + " |");
      double total = 0;
      for (String proc : processes()) {
        double v = median(row + ".cpuof." + proc);
        total += v;
        b.append(String.format(" %.3f |", v));
      }
      System.out.println(b + String.format(" %.3f | %.3f |", total, median(row + ".cpuof.client")));
    }
    System.out.println();
    System.out.println("Per run (raw):");
    for (int i = 0; i < runs.size(); i++) {
      System.out.println("run " + (i + 1) + ": " + runs.get(i));
    }
  }

  private Set<String> processes() {
    Set<String> names = new LinkedHashSet<>();
    for (String key : runs.get(0).keySet()) {
      if (key.startsWith("mem.") && key.endsWith(".idle.rss")) {
        names.add(key.substring(4, key.length() - ".idle.rss".length()));
      }
    }
    return names;
  }

  private String delivered(String key) {
    StringBuilder b = new StringBuilder();
    for (Map<String, Double> run : runs) {
      if (!b.isEmpty()) {
        b.append(", ");
      }
      b.append(Math.round(run.getOrDefault(key + ".delivered", Double.NaN))).append('/')
          .append(Math.round(run.getOrDefault(key + ".sent", Double.NaN)));
    }
    return b.toString();
  }

  private String perRun(String key, String format) {
    return String.join(", ", runs.stream()
        .map(r -> String.format(format, r.getOrDefault(key, Double.NaN))).toList());
  }

  private double median(String key) {
    double[] values = runs.stream().mapToDouble(r -> r.getOrDefault(key, Double.NaN)).sorted().toArray();
    return values[values.length / 2];
  }

  private double sum(String key) {
    return runs.stream().mapToDouble(r -> r.getOrDefault(key, 0.0)).sum();
  }

  private String ms(String microsKey) {
    return String.format("%.3f ms", median(microsKey) / 1000);
  }

  private String num(String key) {
    double v = median(key);
    return Double.isNaN(v) ? "—" : String.format("%,.0f", v);
  }

  private String cpu(String key) {
    return String.format("%.3f ms", median(key));
  }
}
