package dev.aex.module.build;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** The module folders under src/test/resources/modules, and helpers to vary them. */
final class TestModules {
  private TestModules() {}

  static Path folder(String name) {
    try {
      return Path.of(TestModules.class.getResource("/modules/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path copy(String name, Path target) throws IOException {
    Path source = folder(name);
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path p : walk.toList()) {
        Path dest = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
    return target;
  }

  /**
   * Compiles one class and writes it as a jar, as a third-party library would come. The compiler's
   * folder is deleted afterwards (every test run left one in /tmp).
   */
  static void writeLibrary(Path jar, String className, String source) throws IOException {
    Path work = Files.createTempDirectory("aex-lib-");
    try {
      compileToJar(work, jar, className, source);
    } finally {
      ModuleBuilder.deleteQuietly(work);
    }
  }

  private static void compileToJar(Path work, Path jar, String className, String source)
      throws IOException {
    Path file = work.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
    Files.writeString(file, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "--release", "21", "-d", work.toString(), file.toString());
    if (status != 0) {
      throw new IllegalStateException("library did not compile");
    }
    String entry = className.replace('.', '/') + ".class";
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
      zip.putNextEntry(new JarEntry(entry));
      zip.write(Files.readAllBytes(work.resolve(entry)));
      zip.closeEntry();
    }
  }
}
