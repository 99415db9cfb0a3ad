package dev.aex.em.internal.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The TCP ports a process (or one of its children) listens on, read from Linux's {@code /proc}.
 *
 * <p>Why: Load does not say which module id the executable has (it is compiled in, protocol.md
 * §3.1.3), so the event manager learns it from the port the new process listens on. Connecting to
 * find out is not an option: an SGX module's first connection is its remote attestation.
 */
final class ListeningPorts {
  private static final Path PROC = Path.of("/proc");
  private static final List<Path> TABLES = List.of(PROC.resolve("net/tcp"), PROC.resolve("net/tcp6"));
  private static final String LISTEN = "0A";

  private ListeningPorts() {}

  /** Whether this system can tell (Linux with {@code /proc}). */
  static boolean supported() {
    return Files.isReadable(TABLES.get(0));
  }

  static Set<Integer> of(ProcessHandle process) {
    Set<String> inodes = new HashSet<>();
    Stream.concat(Stream.of(process), process.descendants()).forEach(p -> addSockets(p.pid(), inodes));
    Set<Integer> ports = new TreeSet<>();
    if (inodes.isEmpty()) {
      return ports;
    }
    for (Path table : TABLES) {
      try (Stream<String> lines = Files.lines(table)) {
        lines.skip(1).forEach(line -> addListening(line, inodes, ports));
      } catch (IOException | UncheckedIOException e) {
        // tcp6 is absent without IPv6; a table that cannot be read adds nothing.
      }
    }
    return ports;
  }

  /** Adds the inodes of the sockets among {@code pid}'s open files ({@code socket:[inode]}). */
  private static void addSockets(long pid, Set<String> inodes) {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(PROC.resolve(pid + "/fd"))) {
      for (Path fd : fds) {
        String target = readLink(fd);
        if (target.startsWith("socket:[") && target.endsWith("]")) {
          inodes.add(target.substring(8, target.length() - 1));
        }
      }
    } catch (IOException e) {
      // The process ended meanwhile: it listens on nothing.
    }
  }

  private static String readLink(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (IOException e) {
      return ""; // closed between listing and reading
    }
  }

  /**
   * One line of {@code /proc/net/tcp}: {@code sl local_address rem_address st … inode …}, the
   * local address as {@code HEXIP:HEXPORT}.
   */
  static void addListening(String line, Set<String> inodes, Set<Integer> ports) {
    String[] fields = line.trim().split("\\s+");
    if (fields.length > 9 && LISTEN.equals(fields[3]) && inodes.contains(fields[9])) {
      String local = fields[1];
      try {
        ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
      } catch (NumberFormatException e) {
        // Not a line of the documented format; ignore it rather than guess.
      }
    }
  }
}
