package dev.aex.deployer.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Shared helpers: a network-free reader, descriptor snippets, and problem assertions. */
final class Fixture {
  private static final Pattern IPV4 = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

  /** Keeps IP literals, maps every name to a stable 127.0.0.x: no test touches DNS. */
  static final HostResolver LOOPBACK = host -> Optional.of(IPV4.matcher(host).matches() ? host
      : "127.0.0." + (Math.floorMod(host.hashCode(), 250) + 1));

  static final String NODE = "{type: native, name: n1, host: 127.0.0.1, reactive_port: 5000}";
  static final String MODULES = "{type: native, name: a, node: n1}, {type: native, name: b, node: n1}";
  static final String CONNECTION =
      "{from_module: a, from_output: out, to_module: b, to_input: in, encryption: aes}";

  private Fixture() {}

  static DescriptorReader reader() {
    return DescriptorReader.create().withHostResolver(LOOPBACK);
  }

  /** A YAML descriptor of flow-style lists; each argument is the inside of one list. */
  static String yaml(String nodes, String modules, String connections, String events) {
    return "nodes: [" + nodes + "]\nmodules: [" + modules + "]\nconnections: [" + connections
        + "]\nperiodic-events: [" + events + "]\n";
  }

  static String withNodes(String nodes) {
    return yaml(nodes, "", "", "");
  }

  static String withModules(String nodes, String modules) {
    return yaml(nodes, modules, "", "");
  }

  static String withConnections(String connections) {
    return yaml(NODE, MODULES, connections, "");
  }

  static Descriptor parse(String text) throws DescriptorException {
    return reader().parse("test.yaml", text).descriptor();
  }

  static LoadedDescriptor load(String text) throws DescriptorException {
    return reader().parse("test.yaml", text);
  }

  /** The errors the text must produce. */
  static List<Problem> errors(String text) {
    DescriptorException e =
        catchThrowableOfType(DescriptorException.class, () -> reader().parse("test.yaml", text));
    assertThat(e).as("expected the descriptor to be rejected").isNotNull();
    return e.problems();
  }

  /** The single error the text must produce, checked for item and field. */
  static Problem error(String text, String item, String field) {
    List<Problem> problems = errors(text);
    assertThat(problems).as(problems.toString()).hasSize(1);
    Problem p = problems.get(0);
    assertThat(p.item()).isEqualTo(item);
    assertThat(p.field()).contains(field);
    return p;
  }

  /** Asserts one of {@code problems} is about {@code item} and {@code field}; returns it. */
  static Problem find(List<Problem> problems, String item, String field) {
    return problems.stream()
        .filter(p -> p.item().equals(item) && p.field().equals(Optional.of(field)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no problem at " + item + " / " + field
            + " in " + problems));
  }

  static String resource(String path) {
    try (InputStream in = Fixture.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LoadedDescriptor example(String file) throws DescriptorException {
    return reader().parse(file, resource("examples/" + file));
  }
}
