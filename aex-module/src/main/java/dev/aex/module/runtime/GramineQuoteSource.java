package dev.aex.module.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Quotes from Gramine's attestation pseudo-files (Gramine docs, "Attestation and Secret
 * Provisioning"): writing 64 bytes to {@code user_report_data} makes the next read of {@code
 * quote} return a DCAP quote whose report data are those bytes. The two accesses must not
 * interleave with another attestation, so {@link #quote} is synchronized.
 *
 * @param root the folder of the pseudo-files, {@code /dev/attestation} inside an enclave (a
 *     plain folder in tests)
 */
public record GramineQuoteSource(Path root) implements QuoteSource {
  /** Where Gramine puts the files. */
  public static final Path DEVICE = Path.of("/dev/attestation");

  private static final int MAX_QUOTE = 64 * 1024;

  public GramineQuoteSource {
    Objects.requireNonNull(root, "root");
  }

  /** The files of the running enclave. */
  public static GramineQuoteSource device() {
    return new GramineQuoteSource(DEVICE);
  }

  /** Whether {@code root} looks like Gramine's attestation folder with DCAP quotes. */
  public boolean present() {
    return Files.exists(root.resolve("quote")) && Files.exists(root.resolve("user_report_data"));
  }

  @Override
  public byte[] quote(byte[] reportData) throws IOException {
    if (reportData.length != 64) {
      throw new IllegalArgumentException("report data: " + reportData.length + " bytes (expected: 64)");
    }
    synchronized (GramineQuoteSource.class) {
      Path data = root.resolve("user_report_data");
      Path quote = root.resolve("quote");
      try {
        Files.write(data, reportData, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
      } catch (IOException e) {
        throw new IOException("cannot write " + data + " (is the module running under gramine-sgx"
            + " with sgx.remote_attestation = \"dcap\"?): " + e.getMessage(), e);
      }
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(quote);
      } catch (IOException e) {
        throw new IOException("cannot read " + quote + " (is the node's DCAP quote provider,"
            + " the AESM service with its PCCS configuration, running?): " + e.getMessage(), e);
      }
      if (bytes.length == 0 || bytes.length > MAX_QUOTE) {
        throw new IOException(quote + ": " + bytes.length + " bytes (expected: 1.." + MAX_QUOTE + ")");
      }
      return bytes;
    }
  }

  @Override
  public String describe() {
    return "gramine " + root;
  }
}
