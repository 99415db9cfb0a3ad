package dev.aex.deployer.descriptor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aex.deployer.descriptor.internal.DescriptorParser;
import dev.aex.deployer.descriptor.internal.DocumentParser;
import dev.aex.deployer.descriptor.internal.ManagerParser;
import dev.aex.deployer.descriptor.internal.Problems;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads deployment descriptors and result files, JSON or YAML, in the original's schema
 * (deployer-reference.md §2, §3).
 *
 * <pre>{@code
 * LoadedDescriptor loaded = DescriptorReader.create()
 *     .withManifests(ModuleManifestLookup.of(manifestsByModule))
 *     .read(Path.of("descriptor.json"));
 * }</pre>
 *
 * <p>Guarantees: every rule of the original is checked, plus the per-type required fields and the
 * references between items, and all errors are reported together in one {@link
 * DescriptorException}, each naming file, item and field. Defaults are applied as the original
 * applies them at load ({@code deploy_port}, {@code old_node}, {@code folder}, …) and hosts are
 * resolved once. Not done here: the assignments of a deployment (ids, ports, keys), which are the
 * {@link Planner}'s.
 */
public final class DescriptorReader {
  private static final String WHAT = "deployment descriptor";

  private final HostResolver resolver;
  private final ModuleManifestLookup manifests;

  private DescriptorReader(HostResolver resolver, ModuleManifestLookup manifests) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.manifests = Objects.requireNonNull(manifests, "manifests");
  }

  /** A reader that resolves hosts with the system resolver and knows no module manifests. */
  public static DescriptorReader create() {
    return new DescriptorReader(HostResolver.system(), ModuleManifestLookup.none());
  }

  public DescriptorReader withHostResolver(HostResolver value) {
    return new DescriptorReader(value, manifests);
  }

  /** Checks endpoint and entry names against these manifests. */
  public DescriptorReader withManifests(ModuleManifestLookup value) {
    return new DescriptorReader(resolver, value);
  }

  /** Reads and checks {@code file}. */
  public LoadedDescriptor read(Path file) throws DescriptorException {
    return parse(file.toString(), readText(file));
  }

  /**
   * Parses and checks {@code text}.
   *
   * @param fileName how messages name the file
   */
  public LoadedDescriptor parse(String fileName, String text) throws DescriptorException {
    Problems problems = new Problems(fileName);
    Optional<DocumentParser.Document> document =
        DocumentParser.parse(fileName, text, problems.file());
    Optional<Descriptor> descriptor = document.flatMap(
        d -> new DescriptorParser(problems, resolver, manifests).parse(d.root()));
    problems.throwIfErrors(WHAT);
    return new LoadedDescriptor(descriptor.orElseThrow(), document.orElseThrow().format(),
        problems.warnings());
  }

  /**
   * Reads the manager file that a {@link Manager.File} names (deployer-reference.md §2.7): JSON or
   * YAML with {@code host}, {@code port} and {@code key} (16 byte values).
   */
  public static ManagerSettings readManager(Path file) throws DescriptorException {
    String name = file.toString();
    Problems problems = new Problems(name);
    Optional<DocumentParser.Document> document =
        DocumentParser.parse(name, readText(file), problems.file());
    Optional<ManagerSettings> settings = document.flatMap(d -> d.root() instanceof ObjectNode o
        ? ManagerParser.parse(o, problems.file())
        : Optional.empty());
    if (document.isPresent() && !(document.get().root() instanceof ObjectNode)) {
      problems.file().error("expected a mapping with host, port and key");
    }
    problems.throwIfErrors("manager file");
    return settings.orElseThrow();
  }

  private static String readText(Path file) throws DescriptorException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw fileProblem(file, "Input file " + file + " does not exist");
    } catch (CharacterCodingException e) {
      throw fileProblem(file, "the file is not UTF-8 text (expected: a JSON or YAML descriptor;"
          + " a binary or damaged file?)");
    } catch (IOException e) {
      throw fileProblem(file, "cannot read input file " + file + ": " + e.getMessage());
    }
  }

  private static DescriptorException fileProblem(Path file, String message) {
    Problems problems = new Problems(file.toString());
    problems.file().error(message);
    return problems.toException(WHAT);
  }
}
