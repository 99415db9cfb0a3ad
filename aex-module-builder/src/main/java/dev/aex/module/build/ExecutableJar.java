package dev.aex.module.build;

import dev.aex.crypto.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A self-executing module binary: a {@code #!/bin/sh} launcher that finds a Java ≥ 21, then the
 * jar. Java reads a jar from its end, so the launcher in front does not disturb it. Entries are
 * written in name order with a fixed time, so equal inputs give byte-identical binaries.
 */
final class ExecutableJar {
  static final String MAIN_CLASS = "dev.aex.module.runtime.ModuleMain";
  private static final long FIXED_TIME = 946_684_800_000L; // 2000-01-01T00:00:00Z

  private ExecutableJar() {}

  static byte[] write(JarContents contents) throws IOException {
    byte[] jar = jar(contents);
    String launcher = resource("launcher-head.sh") + resource("find-jdk.sh")
        + resource("launcher-tail.sh");
    ByteArrayOutputStream out = new ByteArrayOutputStream(launcher.length() + jar.length);
    out.write(launcher.getBytes(StandardCharsets.UTF_8));
    out.write(jar);
    return out.toByteArray();
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(Sha256.of(bytes));
  }

  /** The plain jar, without the launcher (what an SGX enclave runs with {@code java -jar}). */
  static byte[] jar(JarContents contents) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes)) {
      put(jar, "META-INF/MANIFEST.MF", manifest());
      for (Map.Entry<String, byte[]> e : contents.entries().entrySet()) {
        put(jar, e.getKey(), e.getValue());
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] manifest() throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(Attributes.Name.MAIN_CLASS, MAIN_CLASS);
    main.put(Attributes.Name.MULTI_RELEASE, "true");
    main.putValue("Created-By", "aex module builder");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    manifest.write(out);
    return out.toByteArray();
  }

  private static void put(JarOutputStream jar, String name, byte[] content) throws IOException {
    JarEntry entry = new JarEntry(name);
    entry.setTime(FIXED_TIME);
    jar.putNextEntry(entry);
    jar.write(content);
    jar.closeEntry();
  }

  private static String resource(String name) {
    try (InputStream in = ExecutableJar.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("launcher part " + name + " missing from the aex-module-builder jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
