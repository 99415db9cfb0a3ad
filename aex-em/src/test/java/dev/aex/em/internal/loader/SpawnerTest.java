package dev.aex.em.internal.loader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.wire.LocalTransport;
import dev.aex.wire.ModuleEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpawnerTest {
  @TempDir Path dir;

  @Test
  void aNativeModuleLearnsItsSocketFolderAndToStopWithItsStdin() throws Exception {
    Path seen = dir.resolve("seen");
    Path module = dir.resolve("module.sh");
    Files.writeString(module, "#!/bin/sh\necho \"$" + LocalTransport.FOLDER_VARIABLE + " $"
        + ModuleEnvironment.EXIT_WITH_STDIN + "\" > '" + seen + "'\n");
    Files.setPosixFilePermissions(module, PosixFilePermissions.fromString("rwx------"));

    Process process = Spawner.spawn(module, dir.resolve("sockets"));

    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(seen).strip()).isEqualTo(dir.resolve("sockets") + " 1");
  }
}
