package dev.aex.deployer;

import dev.aex.crypto.Sha256;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.DescriptorFormat;
import dev.aex.deployer.descriptor.DescriptorWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** {@link ResultSink#toFile}: writes the result, unless another writer changed it meanwhile. */
final class FileResultSink implements ResultSink {
  private static final byte[] NO_FILE = new byte[0];

  private final Path file;
  private final DescriptorFormat format;
  private byte[] known; // the digest of what the file held when this sink last saw it

  FileResultSink(Path file, DescriptorFormat format) throws IOException {
    this.file = file;
    this.format = format;
    this.known = digest(file);
  }

  @Override
  public synchronized void save(Descriptor state) throws IOException {
    if (!Arrays.equals(digest(file), known)) {
      throw new IOException(file + " was changed since this deployer last read or wrote it (by"
          + " another Deployer or aex command): writing its state would undo that one's records."
          + " Open a Deployer on the file again");
    }
    DescriptorWriter.write(state, format, file);
    known = digest(file);
  }

  private static byte[] digest(Path file) throws IOException {
    try {
      return Sha256.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return NO_FILE;
    }
  }
}
