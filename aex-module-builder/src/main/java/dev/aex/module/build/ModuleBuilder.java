package dev.aex.module.build;

import dev.aex.module.runtime.Deployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Builds a module folder into a self-executing binary that the event manager loads (the Load
 * payload of a native node is an executable, protocol.md §1.6.4).
 *
 * <pre>{@code
 * BuiltModule built = ModuleBuilder.build(Path.of("examples/fosdem/controller"),
 *     ModuleStamp.of(2, 5000, moduleKey), Path.of("build/controller"));
 * }</pre>
 *
 * <p>The folder holds the module's Java sources (directly or under {@code src/main/java}),
 * optional resources under {@code src/main/resources}, and optional library jars in {@code lib/}
 * or the runtime dependencies of a {@code pom.xml} (fetched with Maven: {@code $AEX_MAVEN}, the
 * system property {@code aex.maven}, or {@code mvn} on the PATH).
 * The sources are compiled with the aex annotation processor (compile errors are reported with
 * file and line), then the module's classes, its libraries, and the aex runtime are merged into one
 * jar with the stamp, behind a launcher that finds a Java ≥ 21 itself. Equal inputs give a
 * byte-identical binary.
 */
public final class ModuleBuilder {
  static final String MANIFEST = "META-INF/aex/module.json";
  static final String STAMP = Deployment.RESOURCE;
  private static final String WORK_PREFIX = ".aex-work-";
  private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

  private ModuleBuilder() {}

  /** Builds {@code folder} into {@code output} (replaced if present, made executable). */
  public static BuiltModule build(Path folder, ModuleStamp stamp, Path output)
      throws ModuleBuildException {
    Path work = workFolder(output.toAbsolutePath().getParent());
    try {
      JarContents contents = compile(folder, stamp.toProperties(), RuntimeJars.locate(), work);
      byte[] binary = ExecutableJar.write(contents);
      writeExecutable(output, binary);
      return new BuiltModule(output, manifest(contents, folder), ExecutableJar.sha256(binary));
    } catch (IOException e) {
      throw new ModuleBuildException("cannot build " + folder + " into " + output + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(work);
    }
  }

  /**
   * Builds {@code folder} for an SGX node into {@code outputFolder} (docs/sgx.md): the jar with
   * the SGX stamp ({@code attestation=sgx}; the stamp's key is not written, an SGX module agrees
   * on its key at attestation), the Gramine manifest signed with the vendor key, and the Load
   * bundle. In simulation, no Gramine tool runs and MRENCLAVE is the SHA-256 of the jar.
   *
   * @throws ModuleBuildException also when Gramine's tools are missing for a real SGX build; the
   *     message says what to install, or how to build for simulation
   */
  public static SgxBuiltModule buildSgx(Path folder, ModuleStamp stamp, SgxOptions options,
      Path outputFolder) throws ModuleBuildException {
    Path work = workFolder(outputFolder.toAbsolutePath());
    try {
      JarContents contents = compile(folder, stamp.toSgxProperties(), RuntimeJars.locate(), work);
      return SgxPackaging.write(contents, manifest(contents, folder), options, outputFolder);
    } catch (IOException e) {
      throw new ModuleBuildException("cannot build " + folder + " into " + outputFolder + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(work);
    }
  }

  private static JarContents compile(Path folder, String stamp, RuntimeJars jars, Path work)
      throws IOException, ModuleBuildException {
    SourceFolder sources = withPomDependencies(SourceFolder.scan(folder), work.resolve("dependencies"));
    Path classes = Files.createDirectories(work.resolve("classes"));
    JavaCompilation.compile(sources, jars, classes);
    return contents(sources, jars, classes, stamp);
  }

  private static SourceFolder withPomDependencies(SourceFolder sources, Path into)
      throws IOException, ModuleBuildException {
    Path pom = sources.root().resolve("pom.xml");
    if (!Files.isRegularFile(pom)) {
      return sources;
    }
    Files.createDirectories(into);
    return sources.withLibraries(PomDependencies.resolve(pom, into));
  }

  private static JarContents contents(SourceFolder sources, RuntimeJars jars, Path classes,
      String stamp) throws IOException {
    JarContents contents = new JarContents();
    contents.add(STAMP, stamp.getBytes(StandardCharsets.UTF_8));
    contents.addRoot(classes);
    if (Files.isDirectory(sources.resources())) {
      contents.addRoot(sources.resources());
    }
    for (Path root : jars.runtime()) {
      contents.addRoot(root);
    }
    for (Path lib : sources.libraries()) {
      contents.addRoot(lib);
    }
    return contents;
  }

  private static String manifest(JarContents contents, Path folder) throws ModuleBuildException {
    byte[] json = contents.entries().get(MANIFEST);
    if (json == null) {
      // The builder always runs the processor, which writes the manifest for a @Module class
      // (and fails the build when @Input and the like sit in a class without one).
      throw new ModuleBuildException("module folder " + folder + " compiled, but no class in it"
          + " is annotated @Module (dev.aex.module.Module): annotate the module's class"
          + " (docs/modules.md)");
    }
    return new String(json, StandardCharsets.UTF_8);
  }

  private static void writeExecutable(Path output, byte[] binary) throws IOException {
    Path parent = output.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, ".aex-module-", ".tmp");
    Files.write(tmp, binary);
    // Owner-only, as the result file: a native module's binary holds its module key.
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
    Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * A build's work folder, in {@code folder} beside its output rather than in $TMPDIR: a JVM that
   * exits in the middle of a build (Ctrl-C during {@code aex up}) deletes nothing, and its work
   * folder stays; here the next build finds and removes it.
   */
  private static Path workFolder(Path folder) throws ModuleBuildException {
    try {
      Files.createDirectories(folder);
      removeAbandoned(folder);
      return Files.createTempDirectory(folder, WORK_PREFIX);
    } catch (IOException e) {
      throw new ModuleBuildException("cannot create a work folder in " + folder + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Removes the work folders in {@code folder} of builds cut short, those older than any build
   * takes (one younger may be another build's, under way).
   */
  private static void removeAbandoned(Path folder) throws IOException {
    Instant started = Instant.now().minus(ABANDONED_AFTER);
    try (Stream<Path> entries = Files.list(folder)) {
      for (Path entry : entries.filter(e -> e.getFileName().toString().startsWith(WORK_PREFIX))
          .toList()) {
        if (Files.getLastModifiedTime(entry).toInstant().isBefore(started)) {
          deleteQuietly(entry);
        }
      }
    }
  }

  /** Deletes {@code dir} and what it holds, as far as it can. */
  static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp folder is harmless; the build result stands.
    }
  }
}
