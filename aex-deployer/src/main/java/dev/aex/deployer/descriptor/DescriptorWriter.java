package dev.aex.deployer.descriptor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.aex.deployer.descriptor.internal.FileFailures;
import dev.aex.deployer.descriptor.internal.ResultTrees;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Writes result descriptors (deployer-reference.md §3): every field of the original's result, in
 * its order, absent values as null, keys as lower-case hex, the TrustZone uuid as a 128-bit integer.
 * {@link DescriptorReader} reads the result back into an equal {@link Descriptor}, and so does the
 * original tool.
 *
 * <p>The output contains every key of the descriptor in clear: it is the deployer's secret state,
 * to be stored like a private key.
 */
public final class DescriptorWriter {
  private static final ObjectWriter JSON = json();
  // Keys sorted, as PyYAML's defaults write them (deployer-reference.md §1.3); every string
  // quoted, where PyYAML leaves some plain: a plain scalar that YAML 1.1 reads as something else
  // (1:20 a number, 2001-01-01 a date, = or << a tag PyYAML cannot build) must not be written.
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .build();

  private DescriptorWriter() {}

  /** The result as text. */
  public static String render(Descriptor descriptor, DescriptorFormat format) {
    return render(ResultTrees.of(descriptor), format);
  }

  /** The contents of a manager file (the original rewrites it as YAML). */
  public static String renderManager(ManagerSettings settings, DescriptorFormat format) {
    return render(ResultTrees.manager(settings), format);
  }

  /**
   * Writes the result to {@code file}, atomically where the file system allows: a reader, or a
   * crash midway, sees the old file or the new one, never half of one. It is on disk when this
   * returns (the file and the rename are synced), so a counter saved before a message is sent
   * survives a power loss too, not only a crash of this process.
   */
  public static void write(Descriptor descriptor, DescriptorFormat format, Path file)
      throws IOException {
    Path absolute = file.toAbsolutePath();
    if (!Files.isDirectory(absolute.getParent())) {
      // Else the error names only the temporary file beside it.
      throw new NoSuchFileException(file.toString(), null,
          "folder " + absolute.getParent() + " does not exist");
    }
    Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".tmp");
    try {
      Files.writeString(temp, render(descriptor, format), StandardCharsets.UTF_8);
      try (FileChannel written = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        written.force(true);
      }
      move(temp, absolute);
      syncFolder(absolute.getParent());
    } catch (IOException e) {
      throw FileFailures.naming(file, e);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Puts the rename on disk; where a folder cannot be opened for that, the file system decides. */
  private static void syncFolder(Path folder) {
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Not every platform opens folders as files; the rename is then as durable as it makes it.
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (java.nio.file.AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String render(ObjectNode tree, DescriptorFormat format) {
    try {
      return switch (format) {
        case JSON -> JSON.writeValueAsString(tree) + "\n";
        case YAML -> YAML.writeValueAsString(sorted(tree));
      };
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a result tree: " + e.getOriginalMessage(), e);
    }
  }

  /** {@code node} with the keys of every object in it in alphabetical order. */
  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      node.properties().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> out.set(e.getKey(), sorted(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> out.add(sorted(item)));
      return out;
    }
    return node;
  }

  /** Four-space indentation and {@code "key": value}, like the original's json.dump(indent=4). */
  private static ObjectWriter json() {
    DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return JsonMapper.builder().build().writer(printer);
  }
}
