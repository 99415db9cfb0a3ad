package dev.aex.bench.attestation;

import dev.aex.attestation.AttestationException;
import dev.aex.attestation.Collateral;
import dev.aex.attestation.HexBytes;
import dev.aex.attestation.QuoteVerifier;
import dev.aex.attestation.SgxPolicy;
import dev.aex.attestation.TcbPolicy;
import dev.aex.attestation.TcbStatus;
import dev.aex.attestation.VerifiedCollateral;
import dev.aex.attestation.VerifiedQuote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DCAP quote verification of the real dcap-qvl SGX v3 quote (4600 bytes) with its collateral:
 * cold (read the collateral bundle, verify it, then parse and verify the quote) and cached (the
 * collateral verified once; each call parses and verifies the quote and re-checks the collateral's
 * validity windows). Reads {@code attestation/sgx/dcap-qvl-v3} from the vectors folder: the
 * {@code AEX_VECTORS} environment variable, else {@code ../shared/vectors} from the working
 * directory or the checkout root.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class QuoteVerificationBenchmark {
  private static final Instant NOW = Instant.parse("2025-07-01T00:00:00Z");

  private byte[] quote;
  private byte[] bundle;
  private SgxPolicy policy;
  private VerifiedCollateral cached;

  @Setup
  public void setUp() throws IOException, AttestationException {
    Path dir = vectors().resolve("attestation/sgx/dcap-qvl-v3");
    quote = Files.readAllBytes(dir.resolve("sgx_quote"));
    bundle = Files.readAllBytes(dir.resolve("sgx_quote_collateral.json"));
    TcbPolicy tcb = TcbPolicy.builder()
        .acceptStatuses(TcbStatus.CONFIGURATION_AND_SW_HARDENING_NEEDED)
        .acceptAdvisories("INTEL-SA-00289", "INTEL-SA-00615").build();
    policy = SgxPolicy.builder()
        .mrEnclave(HexBytes.fromHex("33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb"))
        .tcb(tcb).build();
    cached = Collateral.fromDcapQvlJson(bundle).verify(tcb, NOW);
    cold(); // fail at set-up, not in the measurement, if anything is wrong
  }

  @Benchmark
  public VerifiedQuote cold() throws AttestationException {
    return QuoteVerifier.verify(quote, Collateral.fromDcapQvlJson(bundle), policy, NOW);
  }

  @Benchmark
  public VerifiedQuote cachedCollateral() throws AttestationException {
    return QuoteVerifier.verify(quote, cached, policy, NOW);
  }

  private static Path vectors() {
    String env = System.getenv("AEX_VECTORS");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("../shared/vectors").normalize();
      if (Files.isDirectory(candidate.resolve("attestation"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("vectors not found: set AEX_VECTORS or run beside ../shared/vectors");
  }
}
