package dev.aex.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
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

  /** Locks {@code files}, waiting (and saying so on {@code log}) while another command has one. */
  static ResultLock acquire(Collection<Path> files, CliLog log) throws IOException {
    TreeSet<Path> real = new TreeSet<>();
    for (Path file : files) {
      real.add(ResultFile.real(file));
    }
    List<FileChannel> held = new ArrayList<>();
    try {
      for (Path file : real) {
        held.add(lock(file, log));
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
