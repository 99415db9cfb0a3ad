package dev.aex.bench;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.legacy.LegacyZeroIvAesGcm;
import dev.aex.crypto.secure.Receiver;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.crypto.secure.Sender;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One event's crypto, encrypt then decrypt, including the per-message cipher set-up: the legacy
 * zero-IV suite (original peers) and the secure suite (sender counter, receiver replay window).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class AesGcmBenchmark {
  private static final byte[] AD = {0, 3, 0, 1};

  @Param({"8", "64", "256", "4096", "65536"})
  int size;

  private byte[] plaintext;
  private LegacyZeroIvAesGcm legacy;
  private Sender sender;
  private Receiver receiver;

  @Setup
  public void setUp() {
    plaintext = new byte[size];
    SymmetricKey key = SymmetricKey.random16();
    legacy = LegacyZeroIvAesGcm.create(key);
    SecureAesGcm suite = SecureAesGcm.create(key);
    sender = suite.newSender();
    receiver = suite.newReceiver();
  }

  @Benchmark
  public byte[] legacyEncryptDecrypt() throws AuthenticationFailedException {
    return legacy.decrypt(AD, legacy.encrypt(AD, plaintext));
  }

  @Benchmark
  public byte[] secureSealOpen() throws AuthenticationFailedException {
    return receiver.open(AD, sender.seal(AD, plaintext));
  }
}
