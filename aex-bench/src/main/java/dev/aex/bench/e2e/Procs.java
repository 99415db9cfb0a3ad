package dev.aex.bench.e2e;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Linux /proc helpers: memory and CPU of a process, and which process listens on a port. */
final class Procs {
  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private Procs() {}

  /** Resident set, its anonymous (own) part, both KiB, and utime + stime in ms. */
  record Stats(long rssKib, long anonKib, long cpuMillis) {}

  static Stats stats(long pid) throws IOException {
    long rss = -1;
    long anon = -1;
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = Long.parseLong(line.replaceAll("\\D", ""));
      } else if (line.startsWith("RssAnon:")) {
        anon = Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return new Stats(rss, anon, ticks * 1000 / TICKS_PER_SECOND);
  }

  static long cpuMillis(long pid) {
    try {
      return stats(pid).cpuMillis();
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  /** Of {@code candidates}, the process listening on each of {@code ports} (absent if none). */
  static Map<Integer, Long> listeners(List<Long> candidates, List<Integer> ports) throws IOException {
    Map<Long, Integer> portOfInode = new HashMap<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.exists(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file)) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 10 || !f[3].equals("0A")) { // 0A = LISTEN
          continue;
        }
        String local = f[1];
        int port = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
        if (ports.contains(port)) {
          portOfInode.put(Long.parseLong(f[9]), port);
        }
      }
    }
    Map<Integer, Long> pidOfPort = new HashMap<>();
    for (long pid : candidates) {
      Path fds = Path.of("/proc", Long.toString(pid), "fd");
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
        for (Path fd : entries) {
          try {
            String target = Files.readSymbolicLink(fd).toString();
            if (target.startsWith("socket:[")) {
              Integer port = portOfInode.get(Long.parseLong(target.substring(8, target.length() - 1)));
              if (port != null) {
                pidOfPort.put(port, pid);
              }
            }
          } catch (IOException closedMeanwhile) {
            // ignore
          }
        }
      } catch (IOException gone) {
        // ignore
      }
    }
    return pidOfPort;
  }
}
