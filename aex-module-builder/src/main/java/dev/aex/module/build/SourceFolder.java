package dev.aex.module.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a module folder holds: Java sources (under {@code src/main/java} if that exists, else
 * anywhere in the folder), resources beside them (under {@code src/main/resources}), and library
 * jars in {@code lib/}. Build output folders are ignored.
 */
record SourceFolder(Path root, List<Path> sources, List<Path> libraries, Path resources) {
  private static final Set<String> SKIPPED = Set.of("target", "build", "lib", ".git");

  static SourceFolder scan(Path root) throws ModuleBuildException {
    if (!Files.isDirectory(root)) {
      throw new ModuleBuildException("module folder " + root + " does not exist or is not a folder");
    }
    Path mavenRoot = root.resolve("src/main/java");
    List<Path> sources = Files.isDirectory(mavenRoot) ? mavenSources(root, mavenRoot)
        : list(root, ".java");
    if (sources.isEmpty()) {
      throw new ModuleBuildException("module folder " + root + " has no .java files; put the"
          + " @Module class there (or under src/main/java)");
    }
    Path lib = root.resolve("lib");
    List<Path> libraries = Files.isDirectory(lib) ? list(lib, ".jar") : List.of();
    return new SourceFolder(root, sources, libraries, root.resolve("src/main/resources"));
  }

  /**
   * The sources under src/main/java. Java files directly in the folder as well would be left out
   * without a word (the docs allow either place), so they are refused.
   */
  private static List<Path> mavenSources(Path root, Path mavenRoot) throws ModuleBuildException {
    List<String> beside = list(root, ".java").stream()
        .filter(p -> root.relativize(p).getNameCount() == 1)
        .map(p -> p.getFileName().toString()).toList();
    if (!beside.isEmpty()) {
      throw new ModuleBuildException("module folder " + root + " has .java files both under"
          + " src/main/java and directly in the folder (" + String.join(", ", beside) + "); only"
          + " src/main/java would be compiled: move them there, or delete them");
    }
    return list(mavenRoot, ".java");
  }

  /** The same folder with {@code more} library jars (a pom's dependencies) after those of lib/. */
  SourceFolder withLibraries(List<Path> more) {
    List<Path> all = new ArrayList<>(libraries);
    all.addAll(more);
    return new SourceFolder(root, sources, List.copyOf(all), resources);
  }

  private static List<Path> list(Path dir, String suffix) throws ModuleBuildException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(suffix))
          .filter(p -> dir.relativize(p).getNameCount() == 1
              || !SKIPPED.contains(dir.relativize(p).getName(0).toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ModuleBuildException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
