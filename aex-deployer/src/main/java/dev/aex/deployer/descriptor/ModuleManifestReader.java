package dev.aex.deployer.descriptor;

import dev.aex.deployer.descriptor.internal.DocumentParser;
import dev.aex.deployer.descriptor.internal.ManifestParser;
import dev.aex.deployer.descriptor.internal.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the manifest the module SDK writes for every module, {@code META-INF/aex/module.json}
 * (also in {@code BuiltModule.manifestJson()} of the module builder).
 */
public final class ModuleManifestReader {
  private static final String WHAT = "module manifest";

  private ModuleManifestReader() {}

  /**
   * Parses a manifest's JSON text.
   *
   * @param source how messages name it, e.g. the module folder
   */
  public static ModuleManifest parse(String source, String json) throws DescriptorException {
    Problems problems = new Problems(source);
    Optional<ModuleManifest> manifest = DocumentParser.parse(source, json, problems.file())
        .flatMap(d -> ManifestParser.parse(d.root(), problems));
    problems.throwIfErrors(WHAT);
    return manifest.orElseThrow();
  }

  /** Reads a {@code module.json} file. */
  public static ModuleManifest read(Path file) throws DescriptorException {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      Problems problems = new Problems(file.toString());
      problems.file().error("cannot read module manifest " + file + ": " + e.getMessage()
          + " (expected: the META-INF/aex/module.json the module SDK wrote)");
      throw problems.toException(WHAT);
    }
  }
}
