package dev.aex.module.build;

import dev.aex.attestation.HexBytes;
import dev.aex.module.runtime.SimulatedQuoteSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an SGX module's files into its output folder: {@code module.jar}; for Gramine also
 * {@code module.manifest.template}, {@code module.manifest}, {@code module.manifest.sgx} and
 * {@code module.sig}; and the Load bundle {@code module.bundle.zip} (the jar and the signed
 * manifest: what {@code gramine-sgx module} needs besides the SIGSTRUCT, which travels as the
 * Load's second blob).
 */
final class SgxPackaging {
  static final String BUNDLE = "module.bundle.zip";
  private static final long FIXED_TIME = 946_684_800_000L;

  private SgxPackaging() {}

  static SgxBuiltModule write(JarContents contents, String manifestJson, SgxOptions options,
      Path outputFolder) throws IOException, ModuleBuildException {
    Files.createDirectories(outputFolder);
    byte[] jar = ExecutableJar.jar(contents);
    Path jarFile = outputFolder.resolve(GramineManifest.JAR);
    Files.write(jarFile, jar);
    Map<String, byte[]> bundle = new LinkedHashMap<>();
    bundle.put(GramineManifest.JAR, jar);
    HexBytes mrEnclave;
    HexBytes mrSigner;
    Optional<Path> signature;
    if (options.simulation()) {
      mrEnclave = SimulatedQuoteSource.measure(jar);
      mrSigner = SimulatedQuoteSource.MR_SIGNER;
      signature = Optional.empty();
    } else {
      Sigstruct sig = Sigstruct.parse(GramineTools.sign(outputFolder, GramineManifest.template(options), options));
      mrEnclave = sig.mrEnclave();
      mrSigner = sig.mrSigner();
      signature = Optional.of(GramineManifest.sig(outputFolder));
      Path signed = GramineManifest.manifestSgx(outputFolder);
      bundle.put(signed.getFileName().toString(), Files.readAllBytes(signed));
    }
    Path bundleFile = outputFolder.resolve(BUNDLE);
    Files.write(bundleFile, zip(bundle));
    return new SgxBuiltModule(bundleFile, signature, jarFile, manifestJson, mrEnclave, mrSigner,
        options.simulation());
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
