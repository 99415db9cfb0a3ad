package dev.aex.em.internal.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkFolderTest {
  @TempDir Path parent;

  @Test
  void aNewFolderNamesThisProcessAsItsOwner() throws Exception {
    Path folder = WorkFolder.create(parent);

    assertThat(folder.getFileName().toString()).startsWith(WorkFolder.PREFIX);
    assertThat(Files.readString(folder.resolve(WorkFolder.OWNER)))
        .isEqualTo(WorkFolder.owner(ProcessHandle.current()));
    assertThat(WorkFolder.ownerGone(folder)).isFalse();
  }

  @Test
  void startingDeletesTheFoldersOfEventManagersThatAreGoneAndNoOther() throws Exception {
    Path gone = folder("aex-em-gone", WorkFolder.owner(endedProcess()));
    Files.writeString(gone.resolve("sm0"), "a module executable");
    Path reused = folder("aex-em-reused", ProcessHandle.current().pid() + " 1");
    Path alive = folder("aex-em-alive", WorkFolder.owner(ProcessHandle.current()));
    Path unmarked = Files.createDirectory(parent.resolve("aex-em-unmarked"));
    Path garbled = folder("aex-em-garbled", "not a pid");
    Path other = folder("other-gone", WorkFolder.owner(endedProcess()));

    Path mine = WorkFolder.create(parent);

    assertThat(gone).doesNotExist();
    assertThat(reused).doesNotExist();
    assertThat(alive).exists();
    assertThat(unmarked).exists();
    assertThat(garbled).exists();
    assertThat(other).exists();
    assertThat(mine).exists();
  }

  private Path folder(String name, String owner) throws Exception {
    Path folder = Files.createDirectory(parent.resolve(name));
    Files.writeString(folder.resolve(WorkFolder.OWNER), owner);
    return folder;
  }

  private static ProcessHandle endedProcess() throws Exception {
    Process process = new ProcessBuilder("true").start();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return process.toHandle();
  }
}
