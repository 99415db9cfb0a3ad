package dev.aex.deployer.descriptor;

/**
 * One end of a connection: a module and one of its endpoints, e.g. {@code gateway}'s output
 * {@code toggle_led} ({@code from_module}, {@code from_output}) or {@code db}'s handler {@code
 * get_presses} ({@code to_module}, {@code to_handler}).
 *
 * @param module the module's name
 * @param kind a source is an output or a request; a target an input or a handler
 * @param endpoint the endpoint, by name or by id
 */
public record ModuleEndpoint(String module, EndpointKind kind, EndpointRef endpoint) {
  public ModuleEndpoint {
    Checks.name("module", module);
    Checks.nonNull(kind, endpoint);
    if (kind == EndpointKind.ENTRY) {
      throw new IllegalArgumentException("kind: ENTRY (expected: an input, output, request or "
          + "handler; entries are called, not connected)");
    }
  }

  public static ModuleEndpoint output(String module, EndpointRef output) {
    return new ModuleEndpoint(module, EndpointKind.OUTPUT, output);
  }

  public static ModuleEndpoint request(String module, EndpointRef request) {
    return new ModuleEndpoint(module, EndpointKind.REQUEST, request);
  }

  public static ModuleEndpoint input(String module, EndpointRef input) {
    return new ModuleEndpoint(module, EndpointKind.INPUT, input);
  }

  public static ModuleEndpoint handler(String module, EndpointRef handler) {
    return new ModuleEndpoint(module, EndpointKind.HANDLER, handler);
  }

  /** Whether events leave the module here (an output or a request). */
  public boolean isSource() {
    return kind == EndpointKind.OUTPUT || kind == EndpointKind.REQUEST;
  }

  /** The kind a connection from this source must end in: output to input, request to handler. */
  EndpointKind peer() {
    return kind == EndpointKind.OUTPUT ? EndpointKind.INPUT : EndpointKind.HANDLER;
  }

  @Override
  public String toString() {
    return module + "." + kind.singular() + "(" + endpoint + ")";
  }
}
