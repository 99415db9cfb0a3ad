package dev.aex.deployer.descriptor;

import static dev.aex.deployer.descriptor.Fixture.error;
import static dev.aex.deployer.descriptor.Fixture.errors;
import static dev.aex.deployer.descriptor.Fixture.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The periodic event and manager rules (deployer-reference.md §2.2 default/periodic_event.yaml and
 * default/manager.yaml, §2.6, §2.7).
 */
class EventAndManagerRulesTest {
  private static final String E0 = "periodic-events[0]";

  private static String withEvents(String events) {
    return Fixture.yaml(Fixture.NODE, Fixture.MODULES, "", events);
  }

  @Test
  void eventParses() throws Exception {
    PeriodicEvent e = parse(withEvents("{module: a, entry: init, frequency: 1000}"))
        .periodicEvents().get(0);
    assertThat(e).isEqualTo(new PeriodicEvent(java.util.Optional.empty(), java.util.Optional.empty(),
        "a", "init", 1000, false));
  }

  @Test
  void frequencyMayUseAllOfU32() throws Exception {
    assertThat(parse(withEvents("{module: a, entry: '5', frequency: 4294967295}"))
        .periodicEvents().get(0).frequency()).isEqualTo(4294967295L);
  }

  @Test
  void moduleEntryAndFrequencyAreRequired() {
    assertThat(errors(withEvents("{name: e}"))).extracting(p -> p.field().orElseThrow())
        .containsExactlyInAnyOrder("module", "entry", "frequency");
  }

  @Test
  void frequencyMustBeAPositiveU32() {
    error(withEvents("{module: a, entry: init, frequency: 0}"), E0, "frequency");
    error(withEvents("{module: a, entry: init, frequency: 4294967296}"), E0, "frequency");
  }

  @Test
  void entryMustBeAString() {
    Problem p = error(withEvents("{module: a, entry: 5, frequency: 10}"), E0, "entry");
    assertThat(p.message()).contains("its id in quotes");
  }

  @Test
  void eventModuleMustExist() {
    Problem p = error(withEvents("{module: c, entry: init, frequency: 10}"), E0, "module");
    assertThat(p.message()).contains("No module with name \"c\"");
  }

  @Test
  void establishedMustBeABool() {
    error(withEvents("{module: a, entry: init, frequency: 10, established: nope}"), E0,
        "established");
  }

  @Test
  void inlineManagerIsRead() throws Exception {
    Descriptor d = parse("manager: {host: m, port: 1234, key: [1,2,3,4,5,6,7,8,9,10,11,12,13,14,"
        + "15,16]}\nnodes: []\nmodules: []\n");
    ManagerSettings s = ((Manager.Inline) d.manager().orElseThrow()).settings();
    assertThat(s.port()).isEqualTo(1234);
    assertThat(s.key().revealBytes()[15]).isEqualTo((byte) 16);
  }

  @Test
  void managerPathIsKept() throws Exception {
    assertThat(parse("manager: manager.yaml\nnodes: []\nmodules: []\n").manager())
        .contains(new Manager.File("manager.yaml"));
  }

  @Test
  void inlineManagerNeedsHostPortAndKey() {
    assertThat(errors("manager: {port: 0, key: [1, 2]}\nnodes: []\nmodules: []\n"))
        .extracting(p -> p.item() + "/" + p.field().orElseThrow())
        .containsExactlyInAnyOrder("manager/host", "manager/port", "manager/key");
  }

  @Test
  void managerFileIsRead() throws Exception {
    Path file = Path.of(getClass().getResource("/examples/manager.yaml").toURI());
    ManagerSettings s = DescriptorReader.readManager(file);
    assertThat(s.host()).isEqualTo("manager");
    assertThat(HexFormat.of().formatHex(s.key().revealBytes()))
        .isEqualTo("f987e0f72f33b244c90c802892bfcf91");
  }

  @Test
  void badManagerFileReportsEveryError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("manager.yaml");
    Files.writeString(file, "host: 3\nport: 70000\nkey: [1, 2, 300]\n");
    DescriptorException e = catchThrowableOfType(DescriptorException.class,
        () -> DescriptorReader.readManager(file));
    assertThat(e.problems()).extracting(p -> p.field().orElseThrow())
        .containsExactlyInAnyOrder("host", "port", "key");
    assertThat(e.getMessage()).startsWith("Bad manager file " + file);
  }

  @Test
  void managerFileRoundTripsThroughTheWriter(@TempDir Path dir) throws Exception {
    Path original = Path.of(getClass().getResource("/examples/manager.yaml").toURI());
    ManagerSettings s = DescriptorReader.readManager(original);
    Path copy = dir.resolve("copy.yaml");
    Files.writeString(copy, DescriptorWriter.renderManager(s, DescriptorFormat.YAML));
    assertThat(DescriptorReader.readManager(copy)).isEqualTo(s);
  }
}
