package dev.aex.module.spi;

import dev.aex.module.OutputPort;
import dev.aex.module.RequestPort;

/** Gives the generated code the port to inject into each output and request field. */
public interface PortFactory {
  OutputPort output(int outputId);

  RequestPort request(int requestId);
}
