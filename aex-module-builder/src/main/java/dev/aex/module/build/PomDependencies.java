package dev.aex.module.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The runtime dependencies of a module folder that has a {@code pom.xml}, fetched by Maven into a
 * folder, so they are bundled like the jars of {@code lib/}. Maven is {@code $AEX_MAVEN}, else the
 * system property {@code aex.maven} (the aex launcher sets it to its wrapper), else {@code mvn} on
 * the PATH. Dependencies in {@code provided} scope (such as aex-module itself) are not bundled.
 */
final class PomDependencies {
  static final String PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";
  private static final long TIMEOUT_MINUTES = 10;
  private static final int OUTPUT_LINES = 30;

  private PomDependencies() {}

  /** Copies the runtime dependencies of {@code pom} into {@code into}; returns the jars, sorted. */
  static List<Path> resolve(Path pom, Path into) throws ModuleBuildException {
    List<String> command = new ArrayList<>(maven(pom));
    command.addAll(List.of("-B", "-q", "-f", pom.toString(), PLUGIN + ":copy-dependencies",
        "-DincludeScope=runtime", "-DoutputDirectory=" + into));
    run(command, pom);
    try (Stream<Path> jars = Files.list(into)) {
      return jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      // Maven wrote nothing: a pom without runtime dependencies.
      return List.of();
    }
  }

  private static List<String> maven(Path pom) throws ModuleBuildException {
    Optional<String> configured = Optional.ofNullable(System.getenv("AEX_MAVEN"))
        .or(() -> Optional.ofNullable(System.getProperty("aex.maven")))
        .filter(s -> !s.isBlank());
    if (configured.isPresent()) {
      return List.of(configured.get());
    }
    return onPath("mvn").map(p -> List.of(p.toString())).orElseThrow(() -> new ModuleBuildException(
        pom + " needs Maven to fetch the module's dependencies, and none was found: set AEX_MAVEN"
            + " to a mvn or mvnw, put mvn on the PATH, or put the jars in the folder's lib/"));
  }

  private static Optional<Path> onPath(String name) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static void run(List<String> command, Path pom) throws ModuleBuildException {
    try {
      Path log = Files.createTempFile("aex-maven-", ".log");
      try {
        Process maven = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.DISCARD.file()).start();
        if (!maven.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
          maven.destroyForcibly();
          throw new ModuleBuildException("Maven did not fetch the dependencies of " + pom + " within "
              + TIMEOUT_MINUTES + " minutes; is the repository reachable?");
        }
        if (maven.exitValue() != 0) {
          throw new ModuleBuildException("Maven could not fetch the dependencies of " + pom + " (exit "
              + maven.exitValue() + "):\n" + tail(log));
        }
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new ModuleBuildException("cannot run Maven " + command.get(0) + " for " + pom + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModuleBuildException("interrupted while Maven fetched the dependencies of " + pom, e);
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - OUTPUT_LINES), lines.size()));
  }
}
