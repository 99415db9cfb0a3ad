package dev.aex.module.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.module.EntryResult;
import dev.aex.module.spi.Endpoint;
import dev.aex.module.spi.ModuleDispatch;
import dev.aex.module.spi.ModuleInstance;
import dev.aex.module.spi.ModuleManifest;
import dev.aex.module.spi.UnknownEndpointException;
import dev.aex.wire.ResultCode;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the compiled module and its dispatch the way the runtime does, and calls through it. */
class DispatchLoadingTest {
  @TempDir Path dir;
  private URLClassLoader loader;
  private final RecordingPorts ports = new RecordingPorts();

  @AfterEach
  void closeLoader() throws IOException {
    if (loader != null) {
      loader.close();
    }
  }

  @Test
  void controllerSendsOnItsInjectedOutputs() throws Exception {
    ModuleInstance controller = load("fosdem/Controller.java", Snippets.CONTROLLER).create(ports);

    controller.input(0, bytes("press"));

    assertThat(ports.events).containsExactly(
        "output port 16384", "output port 16385", "send 16384 ", "send 16385 press");
  }

  @Test
  void dbCallsInputHandlerAndEntry() throws Exception {
    ModuleDispatch dispatch = load("fosdem/db/Db.java", Snippets.DB);
    ModuleInstance db = dispatch.create(ports);

    assertThat(db.entry(5, new byte[] {40})).isEqualTo(EntryResult.ok(new byte[] {40}));
    db.input(0, new byte[0]);
    db.input(0, new byte[0]);

    assertThat(db.handle(49152, new byte[0])).containsExactly(42);
    assertThat(ports.events).isEmpty();
    assertThat(dispatch.manifest()).isEqualTo(new ModuleManifest("db", false,
        List.of(new Endpoint("increment_presses", 0)), List.of(), List.of(),
        List.of(new Endpoint("get_presses", 49152)), List.of(new Endpoint("init", 5))));
  }

  @Test
  void unknownIdsAreRefused() throws Exception {
    ModuleInstance db = load("fosdem/db/Db.java", Snippets.DB).create(ports);

    assertThatThrownBy(() -> db.input(1, new byte[0]))
        .isInstanceOf(UnknownEndpointException.class)
        .hasMessage("no input with id 1 in this module");
    assertThatThrownBy(() -> db.handle(0, new byte[0]))
        .isInstanceOf(UnknownEndpointException.class)
        .hasMessage("no handler with id 0 in this module");
    assertThatThrownBy(() -> db.entry(4, new byte[0]))
        .isInstanceOf(UnknownEndpointException.class)
        .hasMessage("no entry with id 4 in this module");
  }

  @Test
  void requestsAreInjectedAndExceptionsPropagate() throws Exception {
    ModuleDispatch dispatch = load("relay/Relay.java", Snippets.RELAY);
    ModuleInstance relay = dispatch.create(ports);

    assertThat(RecordingPorts.text(relay.handle(49152, bytes("who")))).isEqualTo("reply:who");
    assertThat(ports.events).containsExactly("request port 32768", "call 32768 who");
    assertThatThrownBy(() -> relay.input(0, new byte[0]))
        .isInstanceOf(IOException.class)
        .hasMessage("disk full");
    assertThat(dispatch.manifest().concurrent()).isTrue();
    assertThat(dispatch.manifest().requests()).containsExactly(new Endpoint("lookup", 32768));
  }

  @Test
  void eachCreateMakesAFreshModule() throws Exception {
    ModuleDispatch dispatch = load("fosdem/db/Db.java", Snippets.DB);
    ModuleInstance first = dispatch.create(ports);
    ModuleInstance second = dispatch.create(ports);

    first.input(0, new byte[0]);

    assertThat(first.handle(49152, new byte[0])).containsExactly(1);
    assertThat(second.handle(49152, new byte[0])).containsExactly(0);
    assertThat(first.entry(5, new byte[0]).code()).isEqualTo(ResultCode.OK);
  }

  private ModuleDispatch load(String fileName, String code) throws IOException {
    Compilation compilation = Compilation.compile(dir, fileName, code);
    assertThat(compilation.success()).as(compilation.describe()).isTrue();
    loader = compilation.classLoader();
    List<ModuleDispatch> found = ServiceLoader.load(ModuleDispatch.class, loader).stream()
        .map(ServiceLoader.Provider::get)
        .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
