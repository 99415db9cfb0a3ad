package dev.aex.bench.e2e;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.secure.Receiver;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.crypto.secure.Sender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * How fast the machine is at the time of a run, so that results from different hours can be told
 * apart: a shared VM's speed moves by a factor of two from one hour to the next (BENCHMARKS.md,
 * "At half speed"), which no change to aex does.
 *
 * <p>{@link #measure()} times the secure suite's seal + open of 64 bytes in a JVM of its own (in
 * the harness's JVM the number drifts with what the harness compiled before), the operation of
 * {@code AesGcmBenchmark.secureSealOpen}: 0.62 µs at a normal hour on the VM of BENCHMARKS.md.
 * {@link #cpuTicks()} reads the CPU time the hypervisor gave to others.
 */
final class MachineSpeed {
  private static final byte[] AD = {0, 3, 0, 1};
  private static final long WARMUP_NS = TimeUnit.MILLISECONDS.toNanos(3000);
  private static final long MEASURE_NS = TimeUnit.MILLISECONDS.toNanos(1000);
  private static final int BATCH = 1000;
  private static final long WAIT_S = 30;

  private MachineSpeed() {}

  /** Prints {@link #sealOpenMicros()}; run by {@link #measure()}. */
  public static void main(String[] args) throws AuthenticationFailedException {
    System.out.println(sealOpenMicros());
  }

  /** Microseconds per seal + open of 64 bytes, timed in a fresh JVM on this one's class path. */
  static double measure() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), MachineSpeed.class.getName())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      // One short line: it fits the pipe, so waiting first cannot block the child.
      if (!p.waitFor(WAIT_S, TimeUnit.SECONDS)) {
        throw new IOException("the machine speed check did not finish in " + WAIT_S + " s");
      }
      if (p.exitValue() != 0) {
        throw new IOException("the machine speed check failed with status " + p.exitValue()
            + " (its JVM's error is above)");
      }
      return Double.parseDouble(new String(p.getInputStream().readAllBytes()).trim());
    } finally {
      p.destroyForcibly();
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
