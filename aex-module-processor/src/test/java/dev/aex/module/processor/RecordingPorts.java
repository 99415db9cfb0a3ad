package dev.aex.module.processor;

import dev.aex.module.OutputPort;
import dev.aex.module.RequestPort;
import dev.aex.module.spi.PortFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake {@link PortFactory} that records, as text, every port it hands out and every send or
 * call on those ports. Requests answer {@code reply:<data>}.
 */
final class RecordingPorts implements PortFactory {
  final List<String> events = new ArrayList<>();

  @Override
  public OutputPort output(int outputId) {
    events.add("output port " + outputId);
    return data -> events.add("send " + outputId + " " + text(data));
  }

  @Override
  public RequestPort request(int requestId) {
    events.add("request port " + requestId);
    return data -> {
      events.add("call " + requestId + " " + text(data));
      return ("reply:" + text(data)).getBytes(StandardCharsets.UTF_8);
    };
  }

  static String text(byte[] data) {
    return new String(data, StandardCharsets.UTF_8);
  }
}
