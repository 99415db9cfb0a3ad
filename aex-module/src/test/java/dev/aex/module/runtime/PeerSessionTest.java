package dev.aex.module.runtime;

import dev.aex.module.testing.ModuleClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.crypto.SymmetricKey;
import dev.aex.module.EntryResult;
import dev.aex.module.OutputPort;
import dev.aex.module.spi.Endpoint;
import dev.aex.module.spi.ModuleDispatch;
import dev.aex.module.spi.ModuleInstance;
import dev.aex.module.spi.ModuleManifest;
import dev.aex.module.spi.PortFactory;
import dev.aex.module.spi.UnknownEndpointException;
import dev.aex.testkit.Hex;
import dev.aex.testkit.Vectors;
import dev.aex.wire.CommandMessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays the captured session of the original stack ({@code peer-session.json}) against aex
 * modules stamped with the original modules' ids and keys, mirroring the FOSDEM-21 demo logic:
 * every reply and every ModuleOutput must equal the captured bytes.
 */
class PeerSessionTest {
  private static final String FILE = "peer-session.json";

  @ParameterizedTest
  @ValueSource(strings = {"button_driver", "controller", "db", "led_driver", "webserver"})
  void repliesAndOutputsEqualTheCapture(String name) {
    JsonNode session = Vectors.json(FILE);
    JsonNode stamp = moduleEntry(session, name);
    List<JsonNode> messages = new ArrayList<>();
    session.get("messages").forEach(messages::add);
    try (Harness harness = new Harness()) {
      SymmetricKey key = SymmetricKey.copyOf(Vectors.hex(stamp, "key"));
      int port = harness.start(new Fosdem(stamp), key, d -> d.withOriginalControl()).port();

      int replayed = 0;
      for (JsonNode request : messages) {
        if (isRequestTo(request, name)) {
          byte[] reply = ModuleClient.raw(port, Vectors.hex(request, "hex")).encode().toByteArray();
          assertThat(Hex.encode(reply)).as("reply to seq " + request.get("seq"))
              .isEqualTo(replyTo(messages, request).get("hex").asText());
          replayed++;
        }
      }
      for (JsonNode output : messages) {
        if (output.get("from").asText().equals("module:" + name)
            && output.get("framing").asText().equals("CommandMessage")) {
          CommandMessage sent = harness.em.next();
          assertThat(sent.encode().hex()).as("ModuleOutput seq " + output.get("seq"))
              .isEqualTo(output.get("hex").asText());
        }
      }
      assertThat(replayed).isPositive();
    }
  }

  private static boolean isRequestTo(JsonNode message, String name) {
    return message.get("to").asText().equals("module:" + name)
        && message.get("role").asText().equals("request");
  }

  private static JsonNode replyTo(List<JsonNode> messages, JsonNode request) {
    return messages.stream()
        .filter(m -> m.get("role").asText().equals("response"))
        .filter(m -> m.get("tcp_stream").asInt() == request.get("tcp_stream").asInt())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no reply to seq " + request.get("seq")));
  }

  private static JsonNode moduleEntry(JsonNode session, String name) {
    for (JsonNode module : session.get("result_json").get("modules")) {
      if (module.get("name").asText().equals(name)) {
        return module;
      }
    }
    throw new AssertionError("no module " + name + " in " + FILE);
  }

  /**
   * The FOSDEM-21 demo modules, by their endpoints in the result file: the button driver and the
   * controller emit empty events on each input (the controller toggles the LED first, then counts
   * the press); the db counts presses and answers get_presses with a BE u32.
   */
  private static final class Fosdem implements ModuleDispatch {
    private final String name;
    private final Map<String, Integer> inputs;
    private final Map<String, Integer> outputs;
    private final Map<String, Integer> handlers;

    Fosdem(JsonNode stamp) {
      this.name = stamp.get("name").asText();
      JsonNode data = stamp.get("data");
      this.inputs = ids(data.get("inputs"));
      this.outputs = ids(data.get("outputs"));
      this.handlers = ids(data.get("handlers"));
    }

    @Override
    public ModuleManifest manifest() {
      return new ModuleManifest(
          name, false, endpoints(inputs), endpoints(outputs), List.of(), endpoints(handlers),
          List.of());
    }

    @Override
    public ModuleInstance create(PortFactory ports) {
      List<OutputPort> emitted = new ArrayList<>();
      for (String output : List.of("button_pressed", "toggle_led", "increment_presses")) {
        if (outputs.containsKey(output)) {
          emitted.add(ports.output(outputs.get(output)));
        }
      }
      return new ModuleInstance() {
        private int presses;

        @Override
        public void input(int inputId, byte[] data) throws Exception {
          if (!inputs.containsValue(inputId)) {
            throw new UnknownEndpointException("input", inputId);
          }
          presses++;
          emitted.forEach(port -> port.send(new byte[0]));
        }

        @Override
        public byte[] handle(int handlerId, byte[] data) throws Exception {
          if (!handlers.containsValue(handlerId)) {
            throw new UnknownEndpointException("handler", handlerId);
          }
          return ByteBuffer.allocate(4).putInt(presses).array();
        }

        @Override
        public EntryResult entry(int entryId, byte[] args) throws Exception {
          throw new UnknownEndpointException("entry", entryId);
        }
      };
    }

    private static Map<String, Integer> ids(JsonNode node) {
      Map<String, Integer> out = new TreeMap<>();
      node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asInt()));
      return out;
    }

    private static List<Endpoint> endpoints(Map<String, Integer> ids) {
      return ids.entrySet().stream().map(e -> new Endpoint(e.getKey(), e.getValue())).toList();
    }
  }
}
