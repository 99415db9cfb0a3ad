package dev.aex.deployer.descriptor;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.spongent.SpongentVariant;
import dev.aex.deployer.descriptor.internal.IdAllocator;
import dev.aex.deployer.descriptor.internal.ModuleHome;
import dev.aex.wire.payload.Encryption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fills in what a deployment assigns before it talks to any node (deployer-reference.md §2.4, §2.5,
 * §3, §4.5), leaving everything already assigned as it is:
 *
 * <ul>
 *   <li>module ids of native, SGX and TrustZone modules from their node's counter, in descriptor
 *       order, skipping ids other modules on that node already have (the original does not skip
 *       them); the node's counter then records the next free id. Sancus ids come from the event
 *       manager at load;
 *   <li>ports of native and SGX modules: the node's reactive port plus the module id;
 *   <li>the key of each native module (16 random bytes), which the build stamps into the binary.
 *       SGX keys come from attestation, Sancus and TrustZone keys are derived from the binaries;
 *   <li>connection ids from {@code connections_current_id}, names {@code conn<id>}, and keys: 16
 *       random bytes for AES-128-GCM and for SPONGENT-128;
 *   <li>periodic event ids from {@code events_current_id} and names {@code event<id>}.
 * </ul>
 *
 * <p>Planning is idempotent: a planned descriptor plans to itself. With a seeded {@link
 * SecureRandom} (tests only) it is deterministic.
 */
public final class Planner {
  private static final int MAX_U16 = 0xFFFF;

  private final SecureRandom random;

  public Planner(SecureRandom random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A planner whose keys come from a fresh {@link SecureRandom}. */
  public static Planner withStrongRandom() {
    return new Planner(new SecureRandom());
  }

  /**
   * The descriptor with every assignment made.
   *
   * @throws IllegalArgumentException if a module names no node, a node runs out of module ids, a
   *     module port would exceed 65535, or the connection ids run out
   */
  public Descriptor plan(Descriptor d) {
    Map<String, IdAllocator> counters = counters(d);
    List<Module> modules = d.modules().stream().map(m -> module(d, m, counters)).toList();
    List<Node> nodes = d.nodes().stream().map(n -> n instanceof Node.Counting c
        ? c.withModuleId(counters.get(c.name()).cursor()) : n).toList();
    return connections(events(d.withNodes(nodes).withModules(modules)));
  }

  private Module module(Descriptor d, Module m, Map<String, IdAllocator> counters) {
    Module out = m;
    if (out instanceof Module.Counted c && c.id().isEmpty()) {
      out = c.withId(counterOf(d, counters, m).next());
    }
    if (out instanceof Module.Listening l && l.port().isEmpty()) {
      out = l.withPort(port(d.node(home(d, m)).orElseThrow(() -> noNode(m)), l));
    }
    if (out instanceof NativeModule n && n.key().isEmpty()) {
      out = n.withKey(randomKey(16));
    }
    return out;
  }


  private static String home(Descriptor d, Module m) {
    return ModuleHome.of(m, d::node);
  }

  private static IdAllocator counterOf(Descriptor d, Map<String, IdAllocator> counters,
      Module m) {
    IdAllocator counter = counters.get(home(d, m));
    if (counter == null) {
      throw noNode(m);
    }
    return counter;
  }

  private static IllegalArgumentException noNode(Module m) {
    return new IllegalArgumentException("module " + m.name() + ": no " + m.architecture()
        .descriptorName() + " node named \"" + m.node() + "\"; read the descriptor with "
        + "DescriptorReader, which checks references, before planning it");
  }

  private static int port(Node node, Module.Listening m) {
    int port = node.address().reactivePort() + m.id().orElseThrow();
    if (port > MAX_U16) {
      throw new IllegalArgumentException("module " + m.name() + " on node " + node.name()
          + ": port reactive_port + id = " + port + " exceeds 65535; give the module a port, "
          + "or the node a lower reactive_port");
    }
    return port;
  }

  private static Map<String, IdAllocator> counters(Descriptor d) {
    Map<String, IdAllocator> counters = new LinkedHashMap<>();
    for (Node n : d.nodes()) {
      if (n instanceof Node.Counting c) {
        Set<Integer> taken = d.modules().stream().filter(m -> home(d, m).equals(n.name()))
            .flatMap(m -> m.id().stream()).collect(Collectors.toSet());
        counters.put(n.name(), new IdAllocator(c.moduleId(), taken, MAX_U16, "node " + n.name()
            + " has no free module id left (1..65535 are all taken); move modules to another node"));
      }
    }
    return counters;
  }

  private Descriptor connections(Descriptor d) {
    IdAllocator ids = new IdAllocator(d.connectionsCurrentId(),
        d.connections().stream().flatMap(c -> c.id().stream()).collect(Collectors.toSet()),
        MAX_U16, "no free connection id left (0..65535 are all taken); remove connections");
    List<Connection> out = new ArrayList<>();
    for (Connection c : d.connections()) {
      int id = c.id().orElseGet(ids::next);
      out.add(c.withAssignment(id, c.name().orElse("conn" + id),
          c.key().orElseGet(() -> randomKey(keyLength(c.encryption())))));
    }
    return d.withConnections(out, ids.cursor());
  }

  private static Descriptor events(Descriptor d) {
    IdAllocator ids = new IdAllocator(d.eventsCurrentId(),
        d.periodicEvents().stream().flatMap(e -> e.id().stream()).collect(Collectors.toSet()),
        Integer.MAX_VALUE, "no free periodic event id left; remove periodic events");
    List<PeriodicEvent> out = new ArrayList<>();
    for (PeriodicEvent e : d.periodicEvents()) {
      int id = e.id().orElseGet(ids::next);
      out.add(e.withAssignment(id, e.name().orElse("event" + id)));
    }
    return d.withPeriodicEvents(out, ids.cursor());
  }

  /** The connection key length of each cipher (the original's get_key_size). */
  static int keyLength(Encryption encryption) {
    return switch (encryption) {
      case AES -> 16;
      case SPONGENT -> SpongentVariant.SPONGENT_128.keyLength();
    };
  }

  private SymmetricKey randomKey(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    try {
      return SymmetricKey.copyOf(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
