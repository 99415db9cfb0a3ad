package dev.aex.em;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.em.support.EmClient;
import dev.aex.em.support.FakeModule;
import dev.aex.em.support.RawRecorder;
import dev.aex.em.support.TestEms;
import dev.aex.testkit.LoopbackPorts;
import dev.aex.testkit.Vectors;
import dev.aex.wire.Bytes;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireFormatException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays the event manager's side of a captured session of the original stack ({@code
 * peer-session.json}: reactive-tools and two original native event managers running the FOSDEM-21
 * demo). The test plays the deployer, the modules and the other node in the captured order; every
 * byte the aex event manager writes, to the deployer, to a module or to the other node, must equal
 * the capture. The five Loads are left out: the capture omits their 7.5 MB bodies, and the modules
 * here are fakes that answer as the captured ones did (one message per connection, as original
 * modules serve).
 */
class PeerSessionReplayTest {
  @ParameterizedTest
  @ValueSource(strings = {"node1", "node2"})
  void everyByteTheEventManagerWritesEqualsTheCapture(String node) throws Exception {
    JsonNode session = Vectors.json("peer-session.json");
    List<JsonNode> messages = new ArrayList<>();
    session.get("messages").forEach(messages::add);
    int port = LoopbackPorts.freeBlock(4);
    try (RawRecorder otherNode = new RawRecorder();
        EventManager manager = TestEms.start(port, b -> b.peerAddresses(to -> otherNode.address()));
        Replay replay = new Replay("em:" + node, port, messages, otherNode)) {
      replay.startModules(session.get("result_json").get("modules"), node);

      int checked = replay.run();

      assertThat(replay.expectedCount()).as("messages written by em:" + node).isPositive();
      assertThat(checked).as("messages written by em:" + node).isEqualTo(replay.expectedCount());
    }
  }

  /** One node's part of the session. */
  private static final class Replay implements AutoCloseable {
    private final String em;
    private final int port;
    private final List<JsonNode> messages;
    private final RawRecorder otherNode;
    private final Set<Integer> loadStreams = new HashSet<>();
    private final Map<String, FakeModule> modules = new HashMap<>();

    Replay(String em, int port, List<JsonNode> messages, RawRecorder otherNode) {
      this.em = em;
      this.port = port;
      this.messages = messages;
      this.otherNode = otherNode;
      messages.stream().filter(m -> !m.has("hex")).forEach(m -> loadStreams.add(stream(m)));
    }

    /** Fake modules at EM_PORT + id that answer each captured request with the captured reply. */
    void startModules(JsonNode resultModules, String node) {
      for (JsonNode module : resultModules) {
        if (module.get("node").asText().equals(node)) {
          String name = "module:" + module.get("name").asText();
          Map<String, String> replies = capturedReplies(name);
          modules.put(name, FakeModule.original(port + module.get("id").asInt())
              .respondWith(request -> Optional.ofNullable(replies.get(request.encode().hex())).map(Replay::result)));
        }
      }
    }

    /** Sends what others sent to the event manager and checks what it wrote, in captured order. */
    int run() {
      Set<Integer> answered = answeredStreams();
      Map<Integer, EmClient> clients = new HashMap<>();
      int checked = 0;
      for (JsonNode m : messages) {
        if (loadStreams.contains(stream(m))) {
          continue;
        }
        boolean request = m.get("role").asText().equals("request");
        if (is(m, "to", em) && request) {
          EmClient client = EmClient.connect(port).sendRaw(Vectors.hex(m, "hex"));
          if (answered.contains(stream(m))) {
            clients.put(stream(m), client);
          } else {
            client.close(); // the captured sender closed without reading
          }
        } else if (is(m, "from", em)) {
          assertThat(written(m, request, clients)).as("seq " + m.get("seq") + " to " + m.get("to").asText())
              .isEqualTo(m.get("hex").asText());
          checked++;
        }
      }
      clients.values().forEach(EmClient::close);
      return checked;
    }

    /** What the event manager wrote for message {@code m}: a reply, or a request it sent. */
    private String written(JsonNode m, boolean request, Map<Integer, EmClient> clients) {
      if (!request) {
        return clients.remove(stream(m)).reply().orElseThrow().encode().hex();
      }
      String to = m.get("to").asText();
      return to.startsWith("module:") ? modules.get(to).next().encode().hex() : otherNode.next();
    }

    long expectedCount() {
      return messages.stream().filter(m -> is(m, "from", em) && !loadStreams.contains(stream(m))).count();
    }

    private Set<Integer> answeredStreams() {
      Set<Integer> streams = new HashSet<>();
      messages.stream().filter(m -> is(m, "from", em) && m.get("role").asText().equals("response"))
          .forEach(m -> streams.add(stream(m)));
      return streams;
    }

    /** Request hex → reply hex of every exchange with {@code module} in the capture. */
    private Map<String, String> capturedReplies(String module) {
      Map<Integer, String> requests = new HashMap<>();
      Map<String, String> replies = new HashMap<>();
      for (JsonNode m : messages) {
        if (is(m, "to", module) && m.get("role").asText().equals("request")) {
          requests.put(stream(m), m.get("hex").asText());
        } else if (is(m, "from", module) && requests.containsKey(stream(m))) {
          replies.put(requests.get(stream(m)), m.get("hex").asText());
        }
      }
      return replies;
    }

    private static ResultMessage result(String hex) {
      try {
        return ResultMessage.decode(Bytes.fromHex(hex));
      } catch (WireFormatException e) {
        throw new AssertionError("captured reply " + hex + " does not decode", e);
      }
    }

    private static boolean is(JsonNode m, String field, String value) {
      return m.get(field).asText().equals(value);
    }

    private static int stream(JsonNode m) {
      return m.get("tcp_stream").asInt();
    }

    @Override
    public void close() {
      modules.values().forEach(FakeModule::close);
    }
  }
}
