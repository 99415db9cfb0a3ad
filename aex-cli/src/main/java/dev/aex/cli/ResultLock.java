package dev.aex.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Keeps other aex commands away from the files a command takes its counters from and records
 * them in, until it is done with them. Two commands that read one nonce would seal two messages
 * under one key and counter, the IV reuse of SECURITY.md §2, and the last to write would undo the
 * other's steps. The lock is on a hidden file beside each ({@code .res.json.lock}), since the
 * files themselves are replaced by a rename at every save; beside the file a symbolic link names,
 * since that file is what a save through the link replaces ({@link ResultFile#real}). Locks are
 * taken in path order, so two commands never each hold one the other waits for.
 */
final class ResultLock implements AutoCloseable {
  private final List<FileChannel> held;

  private ResultLock(List<FileChannel> held) {
    this.held = held;
  }

  /**
   * Locks {@code input} and {@code target}, waiting (and saying so on {@code log}) while another
   * command has one. An input that is not the target is left unlocked when its folder takes no
   * lock file (read-only): no command can record anything in it, and copies of it that commands
   * read at once are kept apart by the counter ledger.
   */
  static ResultLock acquire(Path input, Path target, CliLog log) throws IOException {
    Path written = ResultFile.real(target);
    TreeSet<Path> real = new TreeSet<>(List.of(ResultFile.real(input), written));
    List<FileChannel> held = new ArrayList<>();
    try {
      for (Path file : real) {
        try {
          held.add(lock(file, log));
        } catch (FileSystemException e) {
          if (file.equals(written)) {
            throw e;
          }
          log.debug("not locking " + file + ", only read: " + ErrorReporter.message(e));
        }
      }
      return new ResultLock(held);
    } catch (IOException | RuntimeException e) {
      new ResultLock(held).close();
      throw e;
    }
  }

  /** The lock file of {@code file}, a real path ({@link ResultFile#real}). */
  static Path sidecar(Path file) {
    return file.resolveSibling("." + file.getFileName() + ".lock");
  }

  /** Locks {@code file}'s sidecar. */
  private static FileChannel lock(Path file, CliLog log) throws IOException {
    FileChannel channel =
        FileChannel.open(sidecar(file), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      if (channel.tryLock() == null) {
        log.warning("waiting for another aex command that uses " + file + " to finish");
        channel.lock();
      }
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Releases every lock (closing a channel releases its lock). */
  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (FileChannel channel : held) {
      try {
        channel.close();
      } catch (IOException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
