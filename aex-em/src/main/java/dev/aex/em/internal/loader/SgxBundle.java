package dev.aex.em.internal.loader;

import dev.aex.wire.Bytes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The first blob of an aex SGX Load (docs/sgx.md): a zip with {@code module.jar} and, for
 * Gramine, {@code module.manifest.sgx}. Only those two names are accepted, each once, so an
 * untrusted bundle cannot write anywhere else. The Load bounds the compressed size only, so the
 * unpacked bytes are bounded too ({@link #MAX_UNPACKED}): a small bundle of zeros must not fill
 * the disk or, read into memory, the event manager's heap.
 */
final class SgxBundle {
  static final String JAR = "module.jar";
  static final String MANIFEST = "module.manifest.sgx";
  static final String SIG = "module.sig";
  private static final Set<String> NAMES = Set.of(JAR, MANIFEST);
  /** Four times the largest Load: a jar and a manifest hardly compress further. */
  static final long MAX_UNPACKED = 256L * 1024 * 1024;

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
    long left = MAX_UNPACKED;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle.toByteArray()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (!NAMES.contains(e.getName()) || !seen.add(e.getName())) {
          throw new IOException("bundle entry \"" + e.getName() + "\" (expected: " + JAR + " and "
              + MANIFEST + ", each at most once)");
        }
        left -= copy(zip, folder.resolve(e.getName()), left);
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

  /** Writes the current entry to {@code file}; its size, at most {@code left}. */
  private static long copy(ZipInputStream zip, Path file, long left) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long written = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
        written += n;
        if (written > left) {
          throw new IOException("bundle unpacks to more than " + MAX_UNPACKED + " bytes (expected:"
              + " a zip of a module jar and its manifest, built by aex)");
        }
        out.write(buffer, 0, n);
      }
    }
    return written;
  }
}
