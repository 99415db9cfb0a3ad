package dev.aex.em.internal.loader;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * An event manager's temporary folder (module executables, socket files), marked with the
 * process that owns it. An event manager that is killed cannot delete its folder; the next one
 * that starts in the same place deletes every folder whose owner is gone.
 */
public final class WorkFolder {
  private static final Logger LOG = System.getLogger(WorkFolder.class.getName());
  static final String PREFIX = "aex-em-";
  /** {@code <pid> <start, ms since the epoch, or -1>} of the owning process. */
  static final String OWNER = "owner";

  private WorkFolder() {}

  /** Deletes the folders of event managers that are gone, then creates this one's in {@code parent}. */
  public static Path create(Path parent) throws IOException {
    sweep(parent);
    Path folder = Files.createTempDirectory(parent, PREFIX);
    Files.writeString(folder.resolve(OWNER), owner(ProcessHandle.current()));
    return folder;
  }

  /** Deletes the folders in {@code parent} whose owner is gone; keeps any it cannot tell about. */
  static void sweep(Path parent) {
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, PREFIX + "*")) {
      for (Path folder : folders) {
        if (ownerGone(folder)) {
          LOG.log(Level.INFO, "deleting {0}: the event manager that made it is gone", folder);
          delete(folder);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "cannot look for old folders in {0}: {1}", parent, e.toString());
    }
  }

  public static void delete(Path folder) {
    FileTree.delete(folder, Level.WARNING);
  }

  static String owner(ProcessHandle process) {
    return process.pid() + " " + process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
  }

  /**
   * Whether the folder's owner process has ended: no such process, or one with another start time
   * (its number was reused). False without a readable owner file: another user's folder, one
   * being made right now, or one of an older version.
   */
  static boolean ownerGone(Path folder) {
    String[] owner;
    try {
      owner = Files.readString(folder.resolve(OWNER)).strip().split(" ");
    } catch (IOException e) {
      return false;
    }
    if (owner.length != 2) {
      return false;
    }
    try {
      long start = Long.parseLong(owner[1]);
      Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(owner[0]));
      return process.isEmpty() || start != -1 && process.get().info().startInstant()
          .map(Instant::toEpochMilli).filter(started -> started != start).isPresent();
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
