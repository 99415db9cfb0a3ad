package dev.aex.deployer.descriptor;

import dev.aex.crypto.SymmetricKey;
import dev.aex.wire.payload.Encryption;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random valid descriptors for property-style tests: every type, every optional field present or
 * absent, and only what the reader accepts (references resolve, ids unique, encryptions supported).
 */
final class RandomDescriptors {
  private final Random r;

  RandomDescriptors(long seed) {
    this.r = new Random(seed);
  }

  Descriptor next() {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
      nodes.add(node("node" + i, "127.0.0." + (i + 1)));
    }
    List<Module> modules = new ArrayList<>();
    for (int j = 0, n = r.nextInt(7); j < n; j++) {
      modules.add(module("m" + j, 100 + j, nodes));
    }
    List<Connection> connections = new ArrayList<>();
    for (int k = 0, n = modules.isEmpty() ? 0 : r.nextInt(7); k < n; k++) {
      connections.add(connection(k, modules));
    }
    List<PeriodicEvent> events = new ArrayList<>();
    for (int k = 0, n = modules.isEmpty() ? 0 : r.nextInt(3); k < n; k++) {
      events.add(event(k, pick(modules)));
    }
    return new Descriptor(manager(), nodes, modules, r.nextInt(100), connections, r.nextInt(100),
        events);
  }

  /** Modules with endpoint data get numeric entries: random names would not be in the data. */
  private PeriodicEvent event(int k, Module m) {
    String entry = m.data().isPresent() || r.nextBoolean() ? "" + r.nextInt(9) : "entry" + k;
    return new PeriodicEvent(maybe(() -> "e" + k), maybe(() -> 10 + k), m.name(), entry,
        1 + (r.nextLong() & 0xFFFF_FFFEL), r.nextBoolean());
  }

  private Node node(String name, String host) {
    int port = 1000 + r.nextInt(50_000);
    NodeAddress address = new NodeAddress(host, port, r.nextBoolean() ? port : port + 1);
    return switch (pick(List.of(Architecture.values()))) {
      case NATIVE -> new NativeNode(name, address, 1 + r.nextInt(10));
      case SGX -> new SgxNode(name, address, 1 + r.nextInt(10),
          r.nextBoolean() ? host : "aesm-" + name, 1 + r.nextInt(0xFFFF));
      case SANCUS -> new SancusNode(name, address, r.nextInt(0x10000), key(r.nextBoolean() ? 8 : 16));
      case TRUSTZONE -> new TrustZoneNode(name, address, r.nextInt(0x10000), maybe(() -> key(32)),
          key(32), 1 + r.nextInt(10));
    };
  }

  private Module module(String name, int id, List<Node> nodes) {
    Node node = pick(nodes);
    ModuleCommon common = new ModuleCommon(name, node.name(), pick(nodes).name(),
        maybe(r::nextInt), r.nextBoolean(), counter(), r.nextBoolean());
    // A deployed module carries its id and key (an SGX one its key once attested).
    boolean deployed = common.deployed();
    Optional<Integer> ids = deployed ? Optional.of(id) : maybe(() -> id);
    Architecture type = node.architecture();
    boolean keyed = deployed && (type == Architecture.NATIVE || type == Architecture.SANCUS
        || type == Architecture.SGX && common.attested());
    Supplier<Optional<SymmetricKey>> key = () -> keyed ? Optional.of(key(16)) : maybe(() -> key(16));
    return switch (node.architecture()) {
      case NATIVE -> new NativeModule(common, "f" + name, strings(), ids, maybe(() -> 6000 + id),
          maybe(() -> "/b/" + name), key.get(), maybe(() -> data(false)), r.nextBoolean());
      case SGX -> new SgxModule(common, "vk.pem", "ra.json", name, strings(), ids, maybe(() -> 7000),
          maybe(() -> "elf"), maybe(() -> "sgxs"), maybe(() -> "sig"), key.get(),
          maybe(() -> data(false)));
      case SANCUS -> new SancusModule(common, strings(), strings(), strings(), name + "_1",
          maybe(() -> ""), ids, maybe(() -> "sym.ld"), keyed ? Optional.of(key(8 << r.nextInt(2)))
              : maybe(() -> key(r.nextBoolean() ? 8 : 16)));
      case TRUSTZONE -> new TrustZoneModule(common, name, ids, maybe(() -> "x.ta"),
          maybe(() -> new BigInteger(128, r)), key.get(), maybe(() -> data(true)));
    };
  }

  private Connection connection(int k, List<Module> modules) {
    Module target = pick(modules);
    List<Module> others = modules.stream().filter(m -> m != target).toList();
    List<Module> requesters = others.stream().filter(m -> m.architecture().supportsRequests()).toList();
    boolean handler = target.architecture().supportsRequests() && r.nextBoolean();
    List<Module> sources = handler ? requesters : others;
    Optional<Module> source = sources.isEmpty() || r.nextBoolean() ? Optional.empty()
        : Optional.of(pick(sources));
    Optional<ModuleEndpoint> from = source.map(s -> handler
        ? ModuleEndpoint.request(s.name(), endpoint(s)) : ModuleEndpoint.output(s.name(), endpoint(s)));
    ModuleEndpoint to = handler ? ModuleEndpoint.handler(target.name(), endpoint(target))
        : ModuleEndpoint.input(target.name(), endpoint(target));
    boolean sancus = target.architecture() == Architecture.SANCUS
        || source.filter(s -> s.architecture() == Architecture.SANCUS).isPresent();
    Encryption encryption = sancus || r.nextBoolean() ? Encryption.SPONGENT : Encryption.AES;
    // An established connection must carry its name, id and key (default/connection.yaml).
    boolean complete = r.nextBoolean();
    return new Connection(complete ? Optional.of("c" + k) : maybe(() -> "c" + k), from, to,
        encryption, complete ? Optional.of(key(16)) : maybe(() -> key(16)),
        complete ? Optional.of(50 + k) : maybe(() -> 50 + k), counter(),
        complete && r.nextBoolean());
  }

  /** Modules with endpoint data get numeric endpoints: random names would not be in the data. */
  private EndpointRef endpoint(Module m) {
    return m.data().isPresent() || r.nextBoolean() ? EndpointRef.of(r.nextInt(0x10000))
        : EndpointRef.of("io" + r.nextInt(5));
  }

  private ModuleData data(boolean trustZone) {
    Map<EndpointKind, Map<String, Integer>> sections = new LinkedHashMap<>();
    for (EndpointKind kind : EndpointKind.values()) {
      if (!trustZone || kind == EndpointKind.INPUT || kind == EndpointKind.OUTPUT
          || kind == EndpointKind.ENTRY) {
        sections.put(kind, Map.of(kind.singular() + r.nextInt(3), r.nextInt(0x10000)));
      }
    }
    return new ModuleData(sections);
  }

  private Optional<Manager> manager() {
    return switch (r.nextInt(3)) {
      case 0 -> Optional.empty();
      case 1 -> Optional.of(new Manager.File("manager.yaml"));
      default -> Optional.of(new Manager.Inline(new ManagerSettings("manager", 1234, key(16))));
    };
  }

  private List<String> strings() {
    return r.nextBoolean() ? List.of() : List.of("s" + r.nextInt(9), "-O" + r.nextInt(3));
  }

  private SymmetricKey key(int length) {
    byte[] b = new byte[length];
    r.nextBytes(b);
    return SymmetricKey.copyOf(b);
  }

  /** A send counter: a u16 as the original's, or one of the secure suite's up to 2^63 − 1. */
  private long counter() {
    return r.nextBoolean() ? r.nextInt(0x10000) : r.nextLong(Long.MAX_VALUE);
  }

  private <T> Optional<T> maybe(Supplier<T> value) {
    return r.nextBoolean() ? Optional.of(value.get()) : Optional.empty();
  }

  private <T> T pick(List<T> items) {
    return items.get(r.nextInt(items.size()));
  }
}
