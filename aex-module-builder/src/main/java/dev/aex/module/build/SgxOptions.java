package dev.aex.module.build;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an SGX module is built (docs/sgx.md).
 *
 * @param simulation build for the INSECURE simulation: no Gramine tools, MRENCLAVE = SHA-256 of
 *     the jar
 * @param vendorKey the RSA-3072 (exponent 3) PEM key that signs the enclave; required unless
 *     {@code simulation}
 * @param javaHome the JDK the enclave runs; it must be at the same path on the node
 * @param debug whether the enclave is a debug enclave (readable by the host; development only)
 * @param heap the JVM's {@code -Xmx}
 * @param enclaveSize {@code sgx.enclave_size}, a power of two
 * @param maxThreads {@code sgx.max_threads}
 * @param isvProdId {@code sgx.isvprodid}
 * @param isvSvn {@code sgx.isvsvn}
 * @param toolPath the folders searched for {@code gramine-manifest} and {@code gramine-sgx-sign}
 */
public record SgxOptions(boolean simulation, Optional<Path> vendorKey, Path javaHome,
    boolean debug, String heap, String enclaveSize, int maxThreads, int isvProdId, int isvSvn,
    List<Path> toolPath) {
  public SgxOptions {
    Objects.requireNonNull(vendorKey, "vendorKey");
    Objects.requireNonNull(javaHome, "javaHome");
    Objects.requireNonNull(heap, "heap");
    Objects.requireNonNull(enclaveSize, "enclaveSize");
    toolPath = List.copyOf(toolPath);
    if (maxThreads < 1) {
      throw new IllegalArgumentException("max threads: " + maxThreads + " (expected: >= 1)");
    }
    if (isvProdId < 0 || isvProdId > 0xffff || isvSvn < 0 || isvSvn > 0xffff) {
      throw new IllegalArgumentException("isvprodid " + isvProdId + ", isvsvn " + isvSvn
          + " (expected: 0..65535 each)");
    }
    if (!simulation && vendorKey.isEmpty()) {
      throw new IllegalArgumentException("vendor key: none (expected: the RSA-3072 PEM that signs"
          + " the enclave, unless building for simulation)");
    }
  }

  /**
   * Gramine defaults: the JDK of this JVM, a production (non-debug) enclave of 8 GiB with 64
   * threads and a 1 GiB heap, product id and SVN 0, tools from {@code PATH}.
   */
  public static SgxOptions gramine(Path vendorKey) {
    return new SgxOptions(false, Optional.of(vendorKey), Path.of(System.getProperty("java.home")),
        false, "1G", "8G", 64, 0, 0, systemPath());
  }

  /** The INSECURE simulation; the vendor key, if any, is not used. */
  public static SgxOptions forSimulation() {
    return new SgxOptions(true, Optional.empty(), Path.of(System.getProperty("java.home")),
        false, "1G", "8G", 64, 0, 0, systemPath());
  }

  public SgxOptions withDebug(boolean value) {
    return new SgxOptions(simulation, vendorKey, javaHome, value, heap, enclaveSize, maxThreads,
        isvProdId, isvSvn, toolPath);
  }

  public SgxOptions withToolPath(List<Path> folders) {
    return new SgxOptions(simulation, vendorKey, javaHome, debug, heap, enclaveSize, maxThreads,
        isvProdId, isvSvn, folders);
  }

  public SgxOptions withJavaHome(Path folder) {
    return new SgxOptions(simulation, vendorKey, folder, debug, heap, enclaveSize, maxThreads,
        isvProdId, isvSvn, toolPath);
  }

  static List<Path> systemPath() {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Arrays.stream(path.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
  }
}
