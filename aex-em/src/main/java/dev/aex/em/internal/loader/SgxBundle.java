package dev.aex.em.internal.loader;

import dev.aex.wire.Bytes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The first blob of an aex SGX Load (docs/sgx.md): a zip with {@code module.jar} and, for
 * Gramine, {@code module.manifest.sgx}. Only those two names are accepted, each once, so an
 * untrusted bundle cannot write anywhere else; sizes are bounded by the Load itself.
 */
final class SgxBundle {
  static final String JAR = "module.jar";
  static final String MANIFEST = "module.manifest.sgx";
  static final String SIG = "module.sig";
  private static final Set<String> NAMES = Set.of(JAR, MANIFEST);

  private SgxBundle() {}

  /**
   * Unpacks {@code bundle} into {@code folder} (created) and writes {@code signature} as {@code
   * module.sig} if not empty.
   *
   * @throws IOException if it is not such a zip; the message says what was found
   */
  static void unpack(Bytes bundle, Bytes signature, Path folder) throws IOException {
    Files.createDirectories(folder);
    Set<String> seen = new HashSet<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle.toByteArray()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (!NAMES.contains(e.getName()) || !seen.add(e.getName())) {
          throw new IOException("bundle entry \"" + e.getName() + "\" (expected: " + JAR + " and "
              + MANIFEST + ", each at most once)");
        }
        Files.write(folder.resolve(e.getName()), zip.readAllBytes());
      }
    }
    if (!seen.contains(JAR)) {
      throw new IOException("bundle without " + JAR + " (expected: a zip built by aex for an sgx"
          + " node, found " + bundle.size() + " bytes of something else)");
    }
    if (signature.size() > 0) {
      Files.write(folder.resolve(SIG), signature.toByteArray());
    }
  }
}
