package dev.aex.bench.e2e;

import dev.aex.bench.e2e.WireClient.Direct;
import dev.aex.bench.e2e.WireClient.Link;
import dev.aex.bench.e2e.WireClient.Request;
import dev.aex.bench.e2e.WireClient.Result;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end benchmark of issue 7: two event manager processes, the FOSDEM demo deployed on
 * them with the {@code Deployer} API, and this harness driving the direct connections {@code
 * get-presses} (RemoteRequest to db on node1) and {@code trigger-btn} (RemoteOutput to
 * button_driver on node2, whose press goes button_driver → controller (node1) → db) with its own
 * wire client, one kept connection per client to the event manager.
 *
 * <pre>
 * bash scripts/bench.sh e2e \
 *     [--n 2000] [--seq-n 200] [--clients 4,16] [--runs 3] [--warmup 2000] [--example examples/fosdem]
 *     [--per-command] [--em-jvm "flags of ./aex"] [--em-module-path em.jar:wire.jar]
 *     [--profile DIR] [--em-log warn] [--logs DIR]
 * </pre>
 *
 * <p>{@code --profile DIR}: JFR recordings of the event managers (modules do not start one) and
 * their logs in DIR. {@code --em-log debug --logs DIR}: the event managers' logs, one line per
 * command and event, kept in DIR. {@code --per-command}: one connection per command, as the
 * original's clients. {@code --em-jvm}: the event managers' JVM flags, by default those {@code
 * ./aex em} runs with (C1 only); {@code --em-jvm ""} for the JDK's defaults. {@code
 * --em-module-path}: another event manager build (e.g. an older one).
 * Stops every process it started, also on failure (then it prints the event managers' last log
 * lines); every wait is bounded.
 */
public final class EndToEnd {
  /** The flags of the {@code aex} script's JVM, which runs {@code aex em}. */
  public static final String AEX_EM_JVM =
      "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn16m -Xmx512m -XX:+ExitOnOutOfMemoryError"
          + " -XX:TrimNativeHeapInterval=2000";
  private static final long SINK_LIMIT_NS = TimeUnit.SECONDS.toNanos(60);
  private static final long STALL_LIMIT_NS = TimeUnit.SECONDS.toNanos(5);
  private static final long POLL_PAUSE_MS = 2;
  private static final long LATE_CHECK_NS = TimeUnit.SECONDS.toNanos(5);
  private static final long SETTLE_MS = 1500;

  private final int n;
  private final int seqN;
  private final int[] clients;
  private final int warmup;
  private boolean kept;
  private Cluster cluster;
  private Direct requests;
  private Direct presses;
  private final Map<String, Double> out = new LinkedHashMap<>();

  private EndToEnd(int n, int seqN, int[] clients, int warmup, boolean kept) {
    this.n = n;
    this.seqN = seqN;
    this.clients = clients;
    this.warmup = warmup;
    this.kept = kept;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new LinkedHashMap<>();
    String[] defaults = {"--n", "2000", "--seq-n", "200", "--clients", "4,16", "--runs", "3",
        "--warmup", "2000", "--example", "examples/fosdem", "--em-jvm", AEX_EM_JVM, "--em-module-path", "",
        "--profile", "", "--em-log", "warn", "--logs", ""};
    for (int i = 0; i < defaults.length; i += 2) {
      opt.put(defaults[i], defaults[i + 1]);
    }
    boolean perCommand = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--per-command")) {
        perCommand = true;
      } else if (opt.containsKey(args[i]) && i + 1 < args.length) {
        opt.put(args[i], args[++i]);
      } else {
        usage(args[i].equals("--help") ? "" : "unknown option or missing value: " + args[i]);
      }
    }
    int runs = number(opt, "--runs");
    int[] clients = clientCounts(opt.get("--clients"));
    int n = number(opt, "--n");
    int seqN = number(opt, "--seq-n");
    int warmup = number(opt, "--warmup");
    List<String> emJvm = opt.get("--em-jvm").isBlank() ? List.of()
        : List.of(opt.get("--em-jvm").trim().split("\\s+"));
    List<Map<String, Double>> results = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      EndToEnd bench = new EndToEnd(n, seqN, clients, warmup, !perCommand);
      System.err.printf("run %d of %d%n", run, runs);
      try {
        results.add(bench.runOnce(Path.of(opt.get("--example")), emJvm,
            opt.get("--em-module-path"), opt.get("--profile"), opt.get("--em-log"),
            opt.get("--logs")));
      } catch (Exception e) {
        System.err.printf("run %d failed (its processes are stopped): %s%n", run, e);
        e.printStackTrace();
      }
    }
    if (results.isEmpty()) {
      System.err.println("every run failed");
      System.exit(1);
    }
    if (results.size() < runs) {
      System.out.printf("%nONLY %d OF %d RUNS SUCCEEDED%n", results.size(), runs);
    }
    Report.print(results, n, seqN, clients, warmup, !perCommand, opt.get("--em-jvm"));
  }

  /** The counts of concurrent clients after the sequential rows: none, or each 1 or more. */
  private static int[] clientCounts(String list) {
    try {
      int[] counts = Arrays.stream(list.split(",")).filter(s -> !s.isBlank())
          .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
      if (Arrays.stream(counts).allMatch(c -> c >= 1)) {
        return counts;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw usage("--clients: " + list + " (expected: counts of 1 or more, separated by commas)");
  }

  /** The count option {@code name}: 0 or more for the warm-up, 1 or more for the others. */
  private static int number(Map<String, String> opt, String name) {
    int least = name.equals("--warmup") ? 0 : 1;
    try {
      int value = Integer.parseInt(opt.get(name));
      if (value >= least) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw usage(name + ": " + opt.get(name) + " (expected: a whole number, " + least + " or more)");
  }

  /** Prints {@code problem} (if any) and the usage, and exits with status 2. */
  private static IllegalArgumentException usage(String problem) {
    if (!problem.isEmpty()) {
      System.err.println("EndToEnd: " + problem);
    }
    System.err.println("usage: EndToEnd [--n 2000] [--seq-n 200] [--clients 4,16] [--runs 3]"
        + " [--warmup 2000] [--example examples/fosdem] [--per-command] [--em-jvm \"flags\"]"
        + " [--em-module-path aex-em.jar:aex-wire.jar] [--profile DIR] [--em-log LEVEL]"
        + " [--logs DIR]");
    System.exit(2);
    return new IllegalArgumentException(problem);
  }

  private Map<String, Double> runOnce(Path example, List<String> emJvm, String emModulePath,
      String profileDir, String emLog, String logDir) throws Exception {
    MachineSpeed.Reading speed = MachineSpeed.measure();
    out.put("speed.us", speed.sealOpenMicros());
    speed.wakeRoundTripMicros().ifPresent(us -> out.put("wake.us", us));
    MachineSpeed.CpuTicks ticks = MachineSpeed.cpuTicks();
    long start = System.nanoTime();
    cluster = Cluster.start(example, emJvm, emModulePath, profileDir, emLog, logDir);
    out.put("deploy.s", (System.nanoTime() - start) / 1e9);
    try {
      requests = cluster.direct("get-presses");
      presses = cluster.direct("trigger-btn");
      if (kept && !keptConnectionsWork()) {
        System.err.println("the event manager closes after one command: one connection per command");
        kept = false;
      }
      out.put("kept", kept ? 1.0 : 0.0);
      Thread.sleep(SETTLE_MS);
      snapshot("idle");
      if (warmup > 0) {
        requestRun(1, warmup, "warmup");
        eventRun(1, warmup, "warmup");
      }
      requestRun(1, n, "req.1");
      eventRun(1, n, "ev.1");
      for (int k : clients) {
        requestRun(k, n, "req." + k);
        eventRun(k, n, "ev." + k);
      }
      sequentialEvents(seqN, "seq");
      Thread.sleep(SETTLE_MS);
      snapshot("load");
      out.put("steal.pct", MachineSpeed.cpuTicks().stealPercentSince(ticks));
      return out;
    } catch (Exception | Error e) {
      System.err.println("measurement failed: " + e);
      cluster.printLogs();
      throw e;
    } finally {
      cluster.close();
    }
  }

  /** Whether the event manager answers a second command on the same connection. */
  private boolean keptConnectionsWork() throws Exception {
    try (Link link = Link.to(cluster.node1Port, true)) {
      count(link);
      try {
        count(link);
        return true;
      } catch (IOException closed) {
        return false;
      }
    }
  }

  private void snapshot(String when) throws IOException {
    for (Map.Entry<String, Long> p : cluster.pids.entrySet()) {
      Procs.Stats s = Procs.stats(p.getValue());
      out.put("mem." + p.getKey() + "." + when + ".rss", s.rssKib() / 1024.0);
      out.put("mem." + p.getKey() + "." + when + ".anon", s.anonKib() / 1024.0);
      out.put("mem." + p.getKey() + "." + when + ".cpu", (double) s.cpuMillis());
    }
  }

  private long cpu(String... names) {
    long sum = 0;
    for (String name : names) {
      sum += Procs.cpuMillis(cluster.pids.get(name));
    }
    return sum;
  }

  private long cpuAll() {
    return cluster.pids.values().stream().mapToLong(Procs::cpuMillis).sum();
  }

  private Map<String, Long> cpuByProcess() {
    Map<String, Long> cpu = new LinkedHashMap<>();
    cluster.pids.forEach((name, pid) -> cpu.put(name, Procs.cpuMillis(pid)));
    cpu.put("client", Procs.cpuMillis(ProcessHandle.current().pid())); // this JVM: the clients
    return cpu;
  }

  /** CPU ms per operation of each process between two {@link #cpuByProcess} readings. */
  private void putCpuByProcess(String key, Map<String, Long> before, int operations) {
    cpuByProcess().forEach((name, after) ->
        put(key, "cpuof." + name, (double) (after - before.get(name)) / operations));
  }

  /** {@code total} requests over {@code k} clients, each on its own link, sequential per client. */
  private void requestRun(int k, int total, String key) throws Exception {
    int each = total / k;
    long[][] latencies = new long[k][each];
    CyclicBarrier ready = new CyclicBarrier(k + 1);
    long cpuBefore = cpu("em node1", "db");
    Map<String, Long> byProcess = cpuByProcess();
    long[] span = new long[2];
    try (ExecutorService pool = Executors.newFixedThreadPool(k)) {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < k; c++) {
        long[] mine = latencies[c];
        done.add(pool.submit(() -> {
          try (Link link = Link.to(cluster.node1Port, kept)) {
            count(link); // connect before the clock starts
            ready.await(30, TimeUnit.SECONDS);
            for (int i = 0; i < each; i++) {
              long t0 = System.nanoTime();
              count(link);
              mine[i] = System.nanoTime() - t0;
            }
          }
          return null;
        }));
      }
      ready.await(30, TimeUnit.SECONDS);
      span[0] = System.nanoTime();
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
      span[1] = System.nanoTime();
    }
    long cpuAfter = cpu("em node1", "db");
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    put(key, "p50", pct(all, 50) / 1e3);
    put(key, "p90", pct(all, 90) / 1e3);
    put(key, "p99", pct(all, 99) / 1e3);
    put(key, "max", all[all.length - 1] / 1e3);
    put(key, "rate", all.length / ((span[1] - span[0]) / 1e9));
    put(key, "cpu", (double) (cpuAfter - cpuBefore) / all.length);
    putCpuByProcess(key, byProcess, all.length);
  }

  /**
   * {@code total} outputs on trigger-btn back to back from {@code k} clients (each its own link to
   * node2's event manager, all sharing the connection's one sender), while this thread polls the
   * count in db every 2 ms until it reaches the target or stops moving.
   */
  private void eventRun(int k, int total, String key) throws Exception {
    int each = total / k;
    int sent = each * k;
    try (Link poll = Link.to(cluster.node1Port, kept)) {
      long base = count(poll);
      long cpuBefore = cpuAll();
      Map<String, Long> byProcess = cpuByProcess();
      CyclicBarrier ready = new CyclicBarrier(k + 1);
      CountDownLatch polled = new CountDownLatch(1);
      CountDownLatch allSent = new CountDownLatch(k);
      long[] sendStart = new long[k];
      long[] sendEnd = new long[k];
      long loopStart;
      long lastMove;
      long reached = -1;
      long polls = 0;
      long last;
      try (ExecutorService pool = Executors.newFixedThreadPool(k)) {
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < k; c++) {
          int me = c;
          done.add(pool.submit(() -> {
            try (Link link = Link.to(cluster.node2Port, kept)) {
              ready.await(30, TimeUnit.SECONDS);
              sendStart[me] = System.nanoTime();
              for (int i = 0; i < each; i++) {
                link.send(presses.output(new byte[0]));
              }
              sendEnd[me] = System.nanoTime();
              allSent.countDown();
              polled.await(90, TimeUnit.SECONDS); // the link stays open until the sink is read
            }
            return null;
          }));
        }
        try {
          ready.await(30, TimeUnit.SECONDS);
          loopStart = System.nanoTime();
          last = base;
          lastMove = loopStart;
          while (true) {
            long now = System.nanoTime();
            long value = count(poll);
            polls++;
            if (value != last) {
              last = value;
              lastMove = now;
            }
            if (value - base >= sent) {
              reached = System.nanoTime();
              break;
            }
            if (now - loopStart > SINK_LIMIT_NS
                || (now - lastMove > STALL_LIMIT_NS && allSent.getCount() == 0)) {
              break;
            }
            Thread.sleep(POLL_PAUSE_MS);
          }
        } finally {
          polled.countDown();
        }
        for (Future<?> f : done) {
          f.get(60, TimeUnit.SECONDS);
        }
      }
      long cpuAfter = cpuAll();
      putCpuByProcess(key, byProcess, sent);
      long delivered = last - base;
      long late = 0;
      if (delivered < sent) { // the senders' links are closed now: does the rest arrive after all?
        long until = System.nanoTime() + LATE_CHECK_NS;
        long now = last;
        while (now - base < sent && System.nanoTime() < until) {
          Thread.sleep(50);
          now = count(poll);
        }
        late = now - last;
        System.err.printf("%s: %d of %d delivered while the senders' links were open; %d more"
            + " within %d s after they closed%n", key, delivered, sent, late,
            TimeUnit.NANOSECONDS.toSeconds(LATE_CHECK_NS));
      }
      put(key, "late", late);
      long start = Arrays.stream(sendStart).min().orElseThrow(); // the first sender's start
      long lastSend = Arrays.stream(sendEnd).max().orElseThrow();
      put(key, "sent", sent);
      put(key, "delivered", delivered);
      put(key, "lost", sent - delivered);
      // with loss: the rate of what arrived, up to the last time the count moved
      put(key, "rate", delivered / (((reached > 0 ? reached : lastMove) - start) / 1e9));
      put(key, "sendRate", sent / ((lastSend - start) / 1e9));
      put(key, "polls", polls);
      put(key, "cpu", (double) (cpuAfter - cpuBefore) / sent);
    }
  }

  /** One event at a time: send, then poll (no pause) until the count moves. */
  private void sequentialEvents(int total, String key) throws Exception {
    long[] lat = new long[total];
    long cpuBefore = cpuAll();
    Map<String, Long> byProcess = cpuByProcess();
    long polls = 0;
    try (Link send = Link.to(cluster.node2Port, kept); Link poll = Link.to(cluster.node1Port, kept)) {
      long value = count(poll);
      long begin = System.nanoTime();
      for (int i = 0; i < total; i++) {
        long t0 = System.nanoTime();
        send.send(presses.output(new byte[0]));
        long target = value + 1;
        while (true) {
          value = count(poll);
          polls++;
          if (value >= target) {
            break;
          }
          if (System.nanoTime() - t0 > STALL_LIMIT_NS) {
            throw new IOException("event " + i + " did not reach db in 5 s (count " + value + ")");
          }
        }
        lat[i] = System.nanoTime() - t0;
      }
      long end = System.nanoTime();
      long cpuAfter = cpuAll();
      Arrays.sort(lat);
      put(key, "p50", pct(lat, 50) / 1e3);
      put(key, "p99", pct(lat, 99) / 1e3);
      put(key, "max", lat[lat.length - 1] / 1e3);
      put(key, "rate", total / ((end - begin) / 1e9));
      put(key, "polls", (double) polls / total);
      put(key, "cpu", (double) (cpuAfter - cpuBefore) / total);
      putCpuByProcess(key, byProcess, total);
    }
  }

  /** The press count in db, through a get-presses request whose reply must authenticate. */
  private long count(Link link) throws Exception {
    Request request = requests.request(new byte[0]);
    Result reply = link.exchange(request.bytes());
    if (reply.code() != 0) {
      throw new IOException("get-presses answered result code " + reply.code());
    }
    byte[] plain = requests.open(request, reply.payload());
    if (plain.length != 4) {
      throw new IOException("get-presses answered " + plain.length + " bytes, expected 4");
    }
    return Integer.toUnsignedLong(ByteBuffer.wrap(plain).getInt());
  }

  private void put(String key, String what, double value) {
    out.put(key + "." + what, value);
  }

  private static double pct(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
