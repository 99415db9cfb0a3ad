package dev.aex.deployer.descriptor.internal;

import dev.aex.deployer.descriptor.EndpointRef;
import dev.aex.deployer.descriptor.ModuleEndpoint;
import java.util.Optional;

/**
 * Which source and target fields of a connection go together (default/connection.yaml): exactly
 * one of {@code direct: true} or a source module with exactly one of output and request; exactly
 * one of input and handler; output pairs with input and request with handler; and the two ends are
 * different modules.
 */
final class ConnectionShape {
  /** A parsed source: absent for a direct connection, or failed. */
  sealed interface Source {}

  record Direct() implements Source {}

  record FromModule(ModuleEndpoint endpoint) implements Source {}

  private ConnectionShape() {}

  static Optional<Source> source(Fields f) {
    boolean direct = f.optionalBool("direct").orElse(false);
    Optional<String> module = f.optionalName("from_module");
    Optional<EndpointRef> output = ConnectionParser.endpoint(f, "from_output");
    Optional<EndpointRef> request = ConnectionParser.endpoint(f, "from_request");
    if (direct) {
      for (String field : new String[] {"from_module", "from_output", "from_request"}) {
        if (f.present(field)) {
          f.report().error(field, "a direct connection has no source module or endpoint: the "
              + "deployer is the source; remove " + field + ", or direct");
        }
      }
      return Optional.of(new Direct());
    }
    if (!f.present("from_module")) {
      return f.missing("from_module", "the source module's name, or direct: true for a "
          + "connection from the deployer");
    }
    if (f.present("from_output") == f.present("from_request")) {
      return oneOf(f, "from_output", "from_request", "the source module's output or request");
    }
    return module.flatMap(m -> output.map(o -> ModuleEndpoint.output(m, o))
        .or(() -> request.map(r -> ModuleEndpoint.request(m, r)))).map(FromModule::new);
  }

  static Optional<ModuleEndpoint> target(Fields f) {
    Optional<String> module = f.requiredName("to_module");
    Optional<EndpointRef> input = ConnectionParser.endpoint(f, "to_input");
    Optional<EndpointRef> handler = ConnectionParser.endpoint(f, "to_handler");
    if (f.present("to_input") == f.present("to_handler")) {
      return oneOf(f, "to_input", "to_handler", "the target module's input or handler");
    }
    module.filter(m -> m.equals(Item.text(f.object(), "from_module").orElse(null)))
        .ifPresent(m -> f.report().error("to_module", "a connection cannot go from module \""
            + m + "\" to itself (expected: from_module and to_module to differ)"));
    return module.flatMap(m -> input.map(i -> ModuleEndpoint.input(m, i))
        .or(() -> handler.map(h -> ModuleEndpoint.handler(m, h))));
  }

  /** An output feeds inputs; a request feeds a handler. */
  static void checkPairing(Fields f) {
    if (f.present("from_output") && f.present("to_handler")) {
      f.report().error("to_handler", "an output connects to an input (expected: to_input, or "
          + "from_request to call a handler)");
    }
    if (f.present("from_request") && f.present("to_input")) {
      f.report().error("to_input", "a request connects to a handler (expected: to_handler, or "
          + "from_output to feed an input)");
    }
  }

  private static <T> Optional<T> oneOf(Fields f, String a, String b, String what) {
    if (f.present(a)) {
      f.report().error(b, "give either " + a + " or " + b + ", not both (expected: " + what + ")");
      return Optional.empty();
    }
    return f.missing(a, a + " or " + b + ", naming " + what);
  }
}
