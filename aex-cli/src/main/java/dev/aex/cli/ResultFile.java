package dev.aex.cli;

import dev.aex.deployer.ResultSink;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.DescriptorFormat;
import dev.aex.deployer.descriptor.DescriptorWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a command records the deployment state: {@code --result FILE}, or else the input file
 * itself, overwritten (as the original does), in {@code --output}'s format or else the input's.
 * Every save replaces the whole file atomically, so an interrupted command leaves the state of its
 * last finished step. A symbolic link is written through, to the file it names, as the original
 * writes through it; the new file is readable by its owner only (0600), since it holds keys.
 */
final class ResultFile implements ResultSink {
  /** As Linux's ELOOP: more links than this in a row are a loop. */
  private static final int MAX_LINKS = 40;

  private final Path target;
  private final Optional<DescriptorFormat> explicit;
  private final CliLog log;
  private volatile Supplier<DescriptorFormat> inputFormat;
  private volatile boolean saved;

  ResultFile(Path target, Optional<DescriptorFormat> explicit, Path input, CliLog log) {
    this.target = target;
    this.explicit = explicit;
    this.log = log;
    this.inputFormat = () -> detect(input);
  }

  /** Once the input is read, its format as the reader saw it. */
  void inputFormat(Supplier<DescriptorFormat> format) {
    this.inputFormat = format;
  }

  Path target() {
    return target;
  }

  DescriptorFormat format() {
    return explicit.orElseGet(inputFormat);
  }

  /** Whether this command has saved the state (else the file is as it was before). */
  boolean saved() {
    return saved;
  }

  @Override
  public synchronized void save(Descriptor state) throws IOException {
    Path file = real(target);
    DescriptorWriter.write(state, format(), file);
    saved = true;
    log.debug("Wrote " + file + " (" + format().optionName() + ")");
  }

  /**
   * The file that a save to {@code file} replaces: {@code file}, or where it is a symbolic link the
   * file at the end of its links (also one not there yet), absolute. Renaming the new file over
   * the link itself would replace the link, and leave the file it names stale.
   */
  static Path real(Path file) throws IOException {
    Path path = file.toAbsolutePath().normalize();
    for (int links = 0; Files.isSymbolicLink(path); links++) {
      if (links == MAX_LINKS) {
        throw new FileSystemException(file.toString(), null, "too many levels of symbolic links");
      }
      path = path.resolveSibling(Files.readSymbolicLink(path)).normalize();
    }
    return path;
  }

  /** Fails unless {@code input}, the descriptor or result a command reads, is a file. */
  static void requireInput(Path input) throws CliException {
    if (!Files.isRegularFile(input)) {
      throw new CliException("Input file " + input + " does not exist");
    }
  }

  /**
   * Fails unless the result can be written to {@code target}: checked before anything is deployed,
   * since a step that cannot be recorded is lost.
   */
  static void requireWritable(Path target) throws CliException {
    Path folder;
    try {
      folder = real(target).getParent();
    } catch (IOException e) {
      throw new CliException("Cannot write the result to " + ErrorReporter.message(e));
    }
    if (folder == null || !Files.isDirectory(folder)) {
      throw new CliException("Cannot write the result to " + target + ": folder " + folder
          + " does not exist");
    }
    if (Files.isDirectory(target)) {
      throw new CliException("Cannot write the result to " + target + ": it is a folder (give a"
          + " file, for example " + target.resolve("res.json") + ")");
    }
    if (readOnly(folder)) {
      throw new CliException("Cannot write the result to " + target + ": " + folder + " is on a"
          + " read-only file system (give a --result in a folder you can write)");
    }
    if (Files.exists(target) && !Files.isWritable(target)) {
      throw new CliException("Cannot write the result to " + target + ": permission denied");
    }
    if (!Files.isWritable(folder)) {
      // Every save writes a new file beside it and renames it over the old one.
      throw new CliException("Cannot write the result to " + target + ": folder " + folder
          + " is not writable (the result is replaced by a new file at every step; give a"
          + " --result in a folder you can write)");
    }
  }

  private static boolean readOnly(Path folder) {
    try {
      return Files.getFileStore(folder).isReadOnly();
    } catch (IOException e) {
      return false; // the checks that follow, or the first save, say what is wrong
    }
  }

  /**
   * The format of a file before the deployer has read it: JSON documents start with { or [ (the
   * reader tries JSON first, as the original does); anything else is YAML.
   */
  static DescriptorFormat detect(Path input) {
    try (InputStream in = Files.newInputStream(input)) {
      int c;
      do {
        c = in.read();
      } while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xef || c == 0xbb || c == 0xbf);
      return c == '{' || c == '[' ? DescriptorFormat.JSON : DescriptorFormat.YAML;
    } catch (IOException e) {
      return DescriptorFormat.JSON;
    }
  }
}
