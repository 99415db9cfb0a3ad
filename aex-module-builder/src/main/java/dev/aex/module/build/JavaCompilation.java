package dev.aex.module.build;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles a module's sources with the aex annotation processor, in this JVM. */
final class JavaCompilation {
  private JavaCompilation() {}

  static void compile(SourceFolder folder, RuntimeJars jars, Path classes)
      throws ModuleBuildException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new ModuleBuildException("no Java compiler in this runtime (" + System.getProperty(
          "java.home") + "); run the deployer with a JDK 21 or newer, not a JRE");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(folder.sources());
      boolean ok = javac.getTask(null, files, diagnostics, options(folder, jars, classes), null, units)
          .call();
      if (!ok) {
        throw new ModuleBuildException("module " + folder.root() + " does not compile:\n"
            + format(diagnostics.getDiagnostics()));
      }
    } catch (IOException e) {
      throw new ModuleBuildException("cannot compile " + folder.root() + ": " + e.getMessage(), e);
    }
  }

  private static List<String> options(SourceFolder folder, RuntimeJars jars, Path classes) {
    List<Path> classPath = new ArrayList<>(jars.runtime());
    classPath.addAll(folder.libraries());
    return List.of(
        "--release", "21",
        "-encoding", "UTF-8",
        "-proc:full",
        "-implicit:none",
        "-processorpath", jars.processor().toString(),
        "-classpath", classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
        "-d", classes.toString());
  }

  private static String format(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    return diagnostics.stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(JavaCompilation::format)
        .collect(Collectors.joining("\n"));
  }

  private static String format(Diagnostic<? extends JavaFileObject> d) {
    String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
    return "  " + where + d.getMessage(Locale.ROOT);
  }
}
