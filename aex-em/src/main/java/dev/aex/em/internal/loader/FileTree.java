package dev.aex.em.internal.loader;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Deletes a file, or a folder and everything in it, while other processes may delete parts of it
 * too: a module removes its socket file as it stops, at the moment its event manager deletes the
 * folder that holds it. A file that is gone already is not an error.
 */
final class FileTree {
  private static final Logger LOG = System.getLogger(FileTree.class.getName());

  private FileTree() {}

  /**
   * Deletes {@code file} (a folder with its contents; a link, not what it points to); logs a
   * failure at {@code level}.
   */
  static void delete(Path file, Level level) {
    try {
      if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
        Files.walkFileTree(file, new Deleter());
      } else {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      LOG.log(level, "cannot delete {0}: {1}", file, e.toString());
    }
  }

  private static final class Deleter extends SimpleFileVisitor<Path> {
    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
      Files.deleteIfExists(file);
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
      if (e instanceof NoSuchFileException) {
        return FileVisitResult.CONTINUE;
      }
      throw e;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
      if (e != null && !(e instanceof NoSuchFileException)) {
        throw e;
      }
      Files.deleteIfExists(dir);
      return FileVisitResult.CONTINUE;
    }
  }
}
