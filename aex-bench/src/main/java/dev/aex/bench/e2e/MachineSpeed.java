package dev.aex.bench.e2e;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.secure.Receiver;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.crypto.secure.Sender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * How fast the machine is at the time of a run, so that results from different hours can be told
 * apart: a shared VM's speed moves by a factor of two from one hour to the next (BENCHMARKS.md,
 * "At half speed"), which no change to aex does.
 *
 * <p>{@link #measure()} takes two readings in a JVM of its own (in the harness's JVM the numbers
 * drift with what the harness compiled before):
 * <ul>
 *   <li>the secure suite's seal + open of 64 bytes, the operation of {@code
 *       AesGcmBenchmark.secureSealOpen}: 0.62 µs at a normal hour on the VM of BENCHMARKS.md;
 *   <li>the round trip of one byte through a pipe to a process on the other CPU ({@code taskset
 *       -c 1 cat}, this JVM on CPU 0): two wake-ups of a thread on a CPU that had gone idle, the
 *       cost that each hop of a request pays when it crosses CPUs (BENCHMARKS.md, "The sequential
 *       latency depends on where the scheduler puts the hops"). Measured only where {@code
 *       taskset} and two CPUs are.
 * </ul>
 * {@link #cpuTicks()} reads the CPU time the hypervisor gave to others.
 *
 * <p>{@code bash scripts/bench.sh speed} prints both, to check an hour before measuring.
 */
final class MachineSpeed {
  private static final byte[] AD = {0, 3, 0, 1};
  private static final long WARMUP_NS = TimeUnit.MILLISECONDS.toNanos(3000);
  private static final long MEASURE_NS = TimeUnit.MILLISECONDS.toNanos(1000);
  private static final int BATCH = 1000;
  private static final int WAKE_WARMUP = 500;
  private static final int WAKE_ROUNDS = 5000;
  private static final long WAIT_S = 30;
  private static final String RAW = "--raw";
  private static final String WAKE = "--wake";

  private MachineSpeed() {}

  /** The two readings; {@code wakeRoundTripMicros} is empty where it cannot be measured. */
  record Reading(double sealOpenMicros, OptionalDouble wakeRoundTripMicros) {}

  /**
   * Prints {@link #measure()}'s readings. With {@code --raw [--wake]} (what {@link #measure()}
   * runs, on CPU 0), takes them in this JVM and prints them as two numbers, "-" for a wake-up
   * round trip not asked for.
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals(RAW)) {
      OptionalDouble wake =
          List.of(args).contains(WAKE) ? wakeRoundTripMicros() : OptionalDouble.empty();
      System.out.println(sealOpenMicros() + " " + (wake.isPresent() ? wake.getAsDouble() : "-"));
      return;
    }
    Reading r = measure();
    System.out.printf("seal + open of 64 B: %.2f µs (0.62 at a normal hour on the VM of"
        + " BENCHMARKS.md)%nwake-up round trip across two CPUs: %s%n", r.sealOpenMicros(),
        r.wakeRoundTripMicros().isPresent()
            ? String.format("%.1f µs", r.wakeRoundTripMicros().getAsDouble())
            : "not measured (needs taskset and two CPUs)");
  }

  /** Both readings, taken in a fresh JVM on this one's class path, on CPU 0 where it can pin. */
  static Reading measure() throws IOException, InterruptedException {
    // Pinned, the child sees one CPU: whether it can measure the wake-ups is decided here.
    boolean pin = canPin();
    List<String> command = new ArrayList<>(pin ? List.of("taskset", "-c", "0") : List.of());
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), MachineSpeed.class.getName(), RAW));
    if (pin) {
      command.add(WAKE);
    }
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      // One short line: it fits the pipe, so waiting first cannot block the child.
      if (!p.waitFor(WAIT_S, TimeUnit.SECONDS)) {
        throw new IOException("the machine speed check did not finish in " + WAIT_S + " s");
      }
      if (p.exitValue() != 0) {
        throw new IOException("the machine speed check failed with status " + p.exitValue()
            + " (its error is above)");
      }
      return parse(new String(p.getInputStream().readAllBytes()));
    } finally {
      p.destroyForcibly();
    }
  }

  /** The child's line: seal + open µs, then the wake-up round trip µs or "-". */
  static Reading parse(String line) throws IOException {
    String[] f = line.trim().split(" ");
    try {
      if (f.length != 2) {
        throw new NumberFormatException("two numbers expected");
      }
      return new Reading(Double.parseDouble(f[0]),
          f[1].equals("-") ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(f[1])));
    } catch (NumberFormatException e) {
      throw new IOException(
          "the machine speed check printed \"" + line.trim() + "\": " + e.getMessage());
    }
  }

  /** Whether {@code taskset} can place processes on CPUs 0 and 1. */
  static boolean canPin() {
    return Runtime.getRuntime().availableProcessors() >= 2 && onPath("taskset");
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(path.split(":")).anyMatch(dir -> !dir.isEmpty()
        && Files.isExecutable(Path.of(dir, program)));
  }

  /**
   * Median microseconds of a byte's round trip through {@code cat} on CPU 1 (this JVM should run
   * on CPU 0); empty if it cannot run there. Each round trip wakes {@code cat}, then this thread.
   */
  static OptionalDouble wakeRoundTripMicros() throws IOException {
    Process cat = new ProcessBuilder("taskset", "-c", "1", "cat").start();
    try (OutputStream out = cat.getOutputStream(); InputStream in = cat.getInputStream()) {
      long[] nanos = new long[WAKE_ROUNDS];
      for (int i = -WAKE_WARMUP; i < WAKE_ROUNDS; i++) {
        long start = System.nanoTime();
        out.write(i);
        out.flush();
        if (in.read() < 0) {
          System.err.println("wake-up round trip not measured: taskset -c 1 cat ended: "
              + new String(cat.getErrorStream().readAllBytes()).trim());
          return OptionalDouble.empty();
        }
        if (i >= 0) {
          nanos[i] = System.nanoTime() - start;
        }
      }
      Arrays.sort(nanos);
      return OptionalDouble.of(nanos[WAKE_ROUNDS / 2] / 1e3);
    } finally {
      cat.destroyForcibly();
    }
  }

  /** Microseconds per seal + open of 64 bytes, over a second after 3 s of warm-up. */
  static double sealOpenMicros() throws AuthenticationFailedException {
    SecureAesGcm suite = SecureAesGcm.create(SymmetricKey.random16());
    Sender sender = suite.newSender();
    Receiver receiver = suite.newReceiver();
    byte[] plaintext = new byte[64];
    long warmEnd = System.nanoTime() + WARMUP_NS;
    while (System.nanoTime() < warmEnd) {
      batch(sender, receiver, plaintext);
    }
    long start = System.nanoTime();
    long ops = 0;
    while (System.nanoTime() - start < MEASURE_NS) {
      batch(sender, receiver, plaintext);
      ops += BATCH;
    }
    return (System.nanoTime() - start) / 1e3 / ops;
  }

  private static void batch(Sender sender, Receiver receiver,
      byte[] plaintext) throws AuthenticationFailedException {
    for (int i = 0; i < BATCH; i++) {
      receiver.open(AD, sender.seal(AD, plaintext));
    }
  }

  /** The machine's CPU time so far, in ticks: all of it, and what was stolen by the hypervisor. */
  record CpuTicks(long total, long steal) {
    /** The stolen share of the CPU time between {@code earlier} and this, in percent. */
    double stealPercentSince(CpuTicks earlier) {
      long all = total - earlier.total;
      return all <= 0 ? 0 : 100.0 * (steal - earlier.steal) / all;
    }
  }

  /** The first line of /proc/stat: user nice system idle iowait irq softirq steal ... */
  static CpuTicks cpuTicks() throws IOException {
    String line = Files.readAllLines(Path.of("/proc/stat")).getFirst();
    long[] f = Arrays.stream(line.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
    long total = Arrays.stream(f, 0, Math.min(f.length, 8)).sum(); // guest time is in user already
    return new CpuTicks(total, f.length > 7 ? f[7] : 0);
  }
}
