package dev.aex.em.internal.loader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.em.support.LogCapture;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreeTest {
  @TempDir Path dir;

  @Test
  void aFolderGoesWithEverythingInItButNotWhatItsLinksPointTo() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("em/sgx-1"));
    Files.writeString(folder.resolve("module.jar"), "jar");
    Path outside = Files.writeString(dir.resolve("outside"), "keep");
    Files.createSymbolicLink(folder.resolve("link"), outside);
    Files.createSymbolicLink(folder.resolve("dangling"), dir.resolve("nothing"));

    FileTree.delete(dir.resolve("em"), Level.WARNING);

    assertThat(dir.resolve("em")).doesNotExist();
    assertThat(outside).hasContent("keep");
  }

  @Test
  void somethingAlreadyGoneIsNoFailure() throws IOException {
    try (LogCapture log = new LogCapture()) {
      FileTree.delete(dir.resolve("never-there"), Level.WARNING);
      FileTree.delete(Files.writeString(dir.resolve("file"), "x"), Level.WARNING);

      assertThat(dir.resolve("file")).doesNotExist();
      assertThat(log.lines()).noneMatch(line -> line.contains("cannot delete"));
    }
  }

  /** As when modules remove their socket files while their event manager deletes the folder. */
  @Test
  void filesThatOthersDeleteMeanwhileAreNoFailure() throws Exception {
    try (LogCapture log = new LogCapture()) {
      for (int round = 0; round < 20; round++) {
        Path folder = Files.createDirectories(dir.resolve("round-" + round));
        List<Path> sockets = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          sockets.add(Files.writeString(folder.resolve(i + ".sock"), ""));
        }
        CountDownLatch go = new CountDownLatch(1);
        Thread other = Thread.ofPlatform().start(() -> {
          go.countDown();
          sockets.forEach(s -> s.toFile().delete());
        });
        go.await();
        FileTree.delete(folder, Level.WARNING);
        other.join();
        FileTree.delete(folder, Level.WARNING); // what the race left, if the other was last

        assertThat(folder).doesNotExist();
      }
      assertThat(log.lines()).noneMatch(line -> line.contains("cannot delete"));
    }
  }
}
