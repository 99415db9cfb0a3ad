package dev.aex.module.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.assertj.core.api.AbstractStringAssert;

/**
 * One run of the real javac with {@link ModuleProcessor} over a single source file, against the
 * test class path (which holds the module API); outputs go to directories under {@code dir}.
 */
record Compilation(
    boolean success,
    List<Diagnostic<? extends JavaFileObject>> diagnostics,
    Path classes,
    Path generatedSources,
    String code) {

  static Compilation compile(Path dir, String fileName, String code) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path sources = Files.createDirectories(dir.resolve("generated"));
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(sources));
      // JDK 23+ runs no processor found on the class path unless told to; it is passed below.
      List<String> options = List.of(
          "-proc:full", "--release", "21", "-Xlint:all,-processing",
          "-classpath", System.getProperty("java.class.path"));
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, options, null, List.of(source(fileName, code)));
      task.setProcessors(List.of(new ModuleProcessor()));
      boolean success = task.call();
      return new Compilation(success, diagnostics.getDiagnostics(), classes, sources, code);
    }
  }

  private static JavaFileObject source(String fileName, String code) {
    URI uri = URI.create("string:///" + fileName);
    return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return code;
      }
    };
  }

  List<Diagnostic<? extends JavaFileObject>> errors() {
    return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
  }

  List<Diagnostic<? extends JavaFileObject>> warnings() {
    return diagnostics.stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING
            || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
        .toList();
  }

  /**
   * Asserts that the compilation failed with exactly one error, tagged {@code tag}, on the line
   * of {@code marker}; returns an assertion on the message for the details.
   */
  AbstractStringAssert<?> assertOnlyError(String tag, String marker) {
    assertThat(success).as("compilation succeeded").isFalse();
    assertThat(errors()).as(describe()).hasSize(1);
    return assertError(errors().get(0), tag, marker);
  }

  /** Asserts that {@code error} has {@code tag} and is on the line of {@code marker}. */
  AbstractStringAssert<?> assertError(Diagnostic<?> error, String tag, String marker) {
    assertThat(error.getLineNumber()).as(describe()).isEqualTo(lineOf(marker));
    return assertThat(message(error)).startsWith("[" + tag + "] ");
  }

  /** The 1-based line of the source that contains {@code marker}, which must be unique. */
  long lineOf(String marker) {
    List<String> lines = code.lines().toList();
    List<Integer> hits = IntStream.range(0, lines.size())
        .filter(i -> lines.get(i).contains(marker))
        .boxed()
        .toList();
    assertThat(hits).as("lines containing %s", marker).hasSize(1);
    return hits.get(0) + 1L;
  }

  static String message(Diagnostic<?> diagnostic) {
    return diagnostic.getMessage(Locale.ROOT);
  }

  String describe() {
    return diagnostics.stream()
        .map(d -> d.getKind() + " line " + d.getLineNumber() + ": " + message(d))
        .collect(Collectors.joining("\n", "diagnostics:\n", ""));
  }

  String generatedSource(String path) throws IOException {
    return Files.readString(generatedSources.resolve(path));
  }

  String resource(String path) throws IOException {
    return Files.readString(classes.resolve(path));
  }

  /** A loader for the compiled classes and resources, over the test class path. */
  URLClassLoader classLoader() throws MalformedURLException {
    URL[] urls = {classes.toUri().toURL()};
    return new URLClassLoader(urls, Compilation.class.getClassLoader());
  }
}
