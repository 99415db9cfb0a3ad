package dev.aex.bench.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory and CPU time of a running process, from Linux's /proc. {@code anonKib} is the
 * process's own memory; the rest of the RSS is mapped files (the JDK's libraries and the CDS
 * archive), which the OS shares between every module process on the node.
 */
record ProcessStats(long rssKib, long anonKib, long cpuMillis) {
  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

  static ProcessStats of(long pid) throws IOException {
    return new ProcessStats(status(pid, "VmRSS:"), status(pid, "RssAnon:"), cpuMillis(pid));
  }

  private static long status(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new IOException("no " + field + " in /proc/" + pid + "/status");
  }

  /** utime + stime, fields 14 and 15 of /proc/pid/stat (after the parenthesised name). */
  private static long cpuMillis(long pid) throws IOException {
    String stat = String.join("\n", Files.readAllLines(Path.of("/proc", Long.toString(pid), "stat")));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ticks * 1000 / TICKS_PER_SECOND;
  }
}
