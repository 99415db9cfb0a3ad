package dev.aex.module.runtime;

import dev.aex.module.testing.ModuleClient;
import dev.aex.module.testing.FakeEm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.module.spi.ModuleDispatch;
import dev.aex.module.spi.ModuleInstance;
import dev.aex.module.spi.ModuleManifest;
import dev.aex.module.spi.PortFactory;
import dev.aex.wire.ResultCode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleMainTest {
  private static final String SERVICES = "META-INF/services/" + ModuleDispatch.class.getName();
  private static final Consumer<ModuleNames> NO_HOOK = names -> {};

  @TempDir Path dir;

  @Test
  void startsTheOneModuleOnItsStampedPort() throws Exception {
    try (FakeEm em = new FakeEm()) {
      stamp(em.port(), 1);
      register(Plain.class);
      List<String> named = new ArrayList<>();
      try (ModuleRuntime runtime =
          ModuleMain.launch(loader(), names -> named.add(names.module()))) {
        assertThat(named).containsExactly("module plain");
        assertThat(runtime.port()).isEqualTo(em.port() + 1);
        assertThat(runtime.name()).isEqualTo("plain");
        assertThat(ModuleClient.call(runtime.port(), 99, new byte[0]).code())
            .isEqualTo(ResultCode.BAD_REQUEST);
      }
    }
  }

  @Test
  void noModule() throws Exception {
    stamp(5000, 1);
    assertThatThrownBy(() -> ModuleMain.launch(loader(), NO_HOOK))
        .hasMessageContaining("found 0 modules");
  }

  @Test
  void severalModules() throws Exception {
    stamp(5000, 1);
    register(Plain.class, Failing.class);
    assertThatThrownBy(() -> ModuleMain.launch(loader(), NO_HOOK))
        .hasMessageContaining("found 2 modules")
        .hasMessageContaining("expected: exactly one");
  }

  /** The hook (main's handler for the threads the module starts) runs before its constructor. */
  @Test
  void constructorThrew() throws Exception {
    stamp(5000, 1);
    register(Failing.class);
    List<String> named = new ArrayList<>();
    assertThatThrownBy(() -> ModuleMain.launch(loader(), names -> named.add(names.module())))
        .isInstanceOf(ModuleStartException.class)
        .hasMessageContaining("constructor threw java.lang.IllegalStateException: no database");
    assertThat(named).containsExactly("module failing");
  }

  @Test
  void portInUse() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      stamp(busy.getLocalPort() - 1, 1);
      register(Plain.class);
      assertThatThrownBy(() -> ModuleMain.launch(loader(), NO_HOOK))
          .isInstanceOf(ModuleStartException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + busy.getLocalPort());
    }
  }

  @Test
  void mainExitsWithStatusOneAndSaysWhy() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(), "-cp", System.getProperty("java.class.path"),
                ModuleMain.class.getName())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("module process ended").isTrue();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(stderr).contains("aex module: cannot start:", Deployment.RESOURCE, "not found");
  }

  private void stamp(int emPort, int id) throws Exception {
    Path file = dir.resolve(Deployment.RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "module.id=" + id + "\nem.port=" + emPort + "\nmodule.key=000102030405060708090a0b0c0d0e0f\n");
  }

  private void register(Class<?>... dispatches) throws Exception {
    Path file = dir.resolve(SERVICES);
    Files.createDirectories(file.getParent());
    Files.write(file, List.of(dispatches).stream().map(Class::getName).toList());
  }

  private URLClassLoader loader() throws Exception {
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  /** A module with no endpoints. */
  public static final class Plain implements ModuleDispatch {
    @Override
    public ModuleManifest manifest() {
      return new ModuleManifest("plain", false, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @Override
    public ModuleInstance create(PortFactory ports) {
      return new TestModule().create(ports);
    }
  }

  /** A module whose constructor fails. */
  public static final class Failing implements ModuleDispatch {
    @Override
    public ModuleManifest manifest() {
      return new ModuleManifest("failing", false, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @Override
    public ModuleInstance create(PortFactory ports) {
      throw new IllegalStateException("no database");
    }
  }
}
