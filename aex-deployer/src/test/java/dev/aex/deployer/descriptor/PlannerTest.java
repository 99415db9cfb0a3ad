package dev.aex.deployer.descriptor;

import static dev.aex.deployer.descriptor.Fixture.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What deploy assigns before it talks to a node (deployer-reference.md §2.4, §2.5, §3, §4.5). */
class PlannerTest {
  private static Descriptor plan(String text) throws Exception {
    return new Planner(Seeded.random(3)).plan(parse(text));
  }

  private static Descriptor planOnN1(String modules) throws Exception {
    return plan(Fixture.withModules(Fixture.NODE, modules));
  }

  private static Module.Listening module(Descriptor d, String name) {
    return (Module.Listening) d.module(name).orElseThrow();
  }

  @Test
  void moduleIdsComeFromEachNodesCounterInOrder() throws Exception {
    Descriptor d = plan(Fixture.withModules(Fixture.NODE
        + ", {type: sgx, name: n2, host: h, reactive_port: 6000, module_id: 5}",
        "{type: native, name: a, node: n1}, {type: sgx, name: x, node: n2, vendor_key: k, "
            + "ra_settings: s}, {type: native, name: b, node: n1}"));
    assertThat(module(d, "a").id()).contains(1);
    assertThat(module(d, "b").id()).contains(2);
    assertThat(module(d, "x").id()).contains(5);
    assertThat(((Node.Counting) d.node("n1").orElseThrow()).moduleId()).isEqualTo(3);
    assertThat(((Node.Counting) d.node("n2").orElseThrow()).moduleId()).isEqualTo(6);
  }

  @Test
  void portIsTheReactivePortPlusTheId() throws Exception {
    Descriptor d = planOnN1("{type: native, name: a, node: n1}, "
        + "{type: native, name: b, node: n1, port: 7777}");
    assertThat(List.of(module(d, "a").port(), module(d, "b").port()))
        .containsExactly(Optional.of(5001), Optional.of(7777));
  }

  @Test
  void explicitIdsAreSkipped() throws Exception {
    // The original would hand id 1 out twice here (deployer-reference.md §2.4); aex skips it.
    Descriptor d = planOnN1("{type: native, name: a, node: n1}, "
        + "{type: native, name: b, node: n1, id: 1}, {type: native, name: c, node: n1}");
    assertThat(d.modules()).extracting(Module::id)
        .containsExactly(Optional.of(2), Optional.of(1), Optional.of(3));
  }

  @Test
  void onlyNativeModulesGetAKeyAndSancusModulesNoId() throws Exception {
    Descriptor d = new Planner(Seeded.random(1))
        .plan(Fixture.example("button-led-no-sancus.json").descriptor());
    assertThat(d.modules()).allSatisfy(m -> assertThat(m.key().isPresent())
        .isEqualTo(m instanceof NativeModule));
    Descriptor led = new Planner(Seeded.random(1)).plan(Fixture.example("button-led.json").descriptor());
    assertThat(led.module("button_driver").orElseThrow().id()).isEmpty();
    assertThat(led.module("gateway").orElseThrow().id()).contains(1);
  }

  @Test
  void nativeModuleKeysAre16Bytes() throws Exception {
    Descriptor d = plan(Fixture.withModules(Fixture.NODE, Fixture.MODULES));
    assertThat(d.modules()).allSatisfy(m -> assertThat(m.key().orElseThrow().length()).isEqualTo(16));
    assertThat(d.modules().get(0).key()).isNotEqualTo(d.modules().get(1).key());
  }

  @Test
  void connectionsGetIdsNamesAndKeys() throws Exception {
    Descriptor d = plan("connections_current_id: 4\n" + Fixture.withConnections(Fixture.CONNECTION
        + ", {name: mine, direct: true, to_module: b, to_input: i, encryption: spongent}"
        + ", {id: 5, direct: true, to_module: b, to_input: i, encryption: aes}"));
    assertThat(d.connections()).extracting(Connection::id)
        .containsExactly(Optional.of(4), Optional.of(6), Optional.of(5));
    assertThat(d.connections()).extracting(c -> c.name().orElseThrow())
        .containsExactly("conn4", "mine", "conn5");
    assertThat(d.connections()).allSatisfy(c -> assertThat(c.key().orElseThrow().length()).isEqualTo(16));
    assertThat(d.connectionsCurrentId()).isEqualTo(7);
  }

  @Test
  void eventsGetIdsAndNames() throws Exception {
    Descriptor d = plan(Fixture.yaml(Fixture.NODE, Fixture.MODULES, "",
        "{module: a, entry: x, frequency: 5}, {module: b, entry: y, frequency: 5, name: tick}"));
    assertThat(d.periodicEvents()).extracting(e -> e.name().orElseThrow())
        .containsExactly("event0", "tick");
    assertThat(d.eventsCurrentId()).isEqualTo(2);
  }

  @Test
  void planningIsDeterministicWithASeededRandom() throws Exception {
    Descriptor d = Fixture.example("smart-home-native.json").descriptor();
    assertThat(new Planner(Seeded.random(9)).plan(d)).isEqualTo(new Planner(Seeded.random(9)).plan(d));
    assertThat(new Planner(Seeded.random(9)).plan(d)).isNotEqualTo(new Planner(Seeded.random(8)).plan(d));
  }

  @Test
  void planningIsIdempotent() throws Exception {
    RandomDescriptors random = new RandomDescriptors(11);
    Planner planner = new Planner(Seeded.random(11));
    for (int i = 0; i < 200; i++) {
      Descriptor once = planner.plan(random.next());
      assertThat(planner.plan(once)).isEqualTo(once);
    }
  }

  @Test
  void portBeyondU16IsAClearError() throws Exception {
    Descriptor d = parse(Fixture.withModules(
        "{type: native, name: n1, host: h, reactive_port: 65535}", "{type: native, name: a, node: n1}"));
    assertThatThrownBy(() -> Planner.withStrongRandom().plan(d))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("module a on node n1: port reactive_port + id = 65536 exceeds 65535");
  }

  @Test
  void moduleWithoutItsNodeIsRefused() {
    Descriptor d = new Descriptor(Optional.empty(), List.of(), List.of(NativeModule.of("a", "nx")),
        0, List.of(), 0, List.of());
    assertThatThrownBy(() -> Planner.withStrongRandom().plan(d))
        .hasMessageContaining("module a: no native node named \"nx\"");
  }
}
