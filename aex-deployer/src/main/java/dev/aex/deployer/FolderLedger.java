package dev.aex.deployer;

import dev.aex.crypto.Sha256;
import dev.aex.crypto.SymmetricKey;
import dev.aex.deployer.descriptor.internal.FileFailures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link CounterLedger#inFolder}: one file per key, locked while a take reads and writes it. */
final class FolderLedger implements CounterLedger {
  /**
   * A file lock keeps out other processes only: threads of this one (two deployers, say) take
   * turns on a monitor per file first.
   */
  private static final ConcurrentHashMap<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final Path folder;

  FolderLedger(Path folder) {
    this.folder = folder.toAbsolutePath().normalize();
  }

  @Override
  public long take(SymmetricKey key, long recorded, long count) throws IOException {
    Files.createDirectories(folder,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path path = folder.resolve(fileName(key));
    synchronized (IN_PROCESS.computeIfAbsent(path, p -> new Object())) {
      try (FileChannel file = FileChannel.open(path, Set.of(StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE), OWNER_ONLY)) {
        file.lock();
        long first = Math.max(recorded, read(file));
        byte[] next = Long.toString(next(first, count)).getBytes(StandardCharsets.US_ASCII);
        write(file, next, path);
        return first;
      }
    }
  }

  /** Writes and syncs {@code next}; a failure names the file (a full disk names nothing). */
  private static void write(FileChannel file, byte[] next, Path path) throws IOException {
    try {
      file.truncate(0).write(ByteBuffer.wrap(next), 0);
      file.force(true);
    } catch (IOException e) {
      throw FileFailures.naming(path, e);
    }
  }

  /** A hash of the key: the folder says which keys were used, never what they are. */
  private static String fileName(SymmetricKey key) {
    byte[] label = "aex counter ledger\0".getBytes(StandardCharsets.US_ASCII);
    return HexFormat.of().formatHex(Sha256.of(label, key.revealBytes()), 0, 16);
  }

  private static long next(long first, long count) throws IOException {
    try {
      return Math.addExact(first, count);
    } catch (ArithmeticException e) {
      throw new IOException("counter ledger: counter " + first + " cannot advance by " + count, e);
    }
  }

  private static long read(FileChannel file) throws IOException {
    ByteBuffer text = ByteBuffer.allocate(32);
    file.read(text, 0); // a few digits: one read of a local file takes them all
    String value = new String(text.array(), 0, text.position(), StandardCharsets.US_ASCII).strip();
    if (value.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IOException("counter ledger file is damaged (\"" + value + "\"); remove it only"
          + " if no copy of the result file has been used since", e);
    }
  }
}
