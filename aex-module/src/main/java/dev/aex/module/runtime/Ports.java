package dev.aex.module.runtime;

import dev.aex.module.OutputPort;
import dev.aex.module.RequestPort;
import dev.aex.module.spi.PortFactory;

/** The ports the generated code injects: each sends through the module's connection table. */
final class Ports implements PortFactory {
  private final Outputs outputs;
  private final Requests requests;

  Ports(Outputs outputs, Requests requests) {
    this.outputs = outputs;
    this.requests = requests;
  }

  @Override
  public OutputPort output(int outputId) {
    return data -> outputs.send(outputId, data);
  }

  @Override
  public RequestPort request(int requestId) {
    return data -> requests.call(requestId, data);
  }
}
