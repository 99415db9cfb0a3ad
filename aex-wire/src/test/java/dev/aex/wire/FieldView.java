package dev.aex.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aex.wire.payload.Attest;
import dev.aex.wire.payload.Call;
import dev.aex.wire.payload.CommandPayload;
import dev.aex.wire.payload.Connect;
import dev.aex.wire.payload.Disable;
import dev.aex.wire.payload.EntryCall;
import dev.aex.wire.payload.EventArgs;
import dev.aex.wire.payload.ModuleOutput;
import dev.aex.wire.payload.RegisterEntrypoint;
import dev.aex.wire.payload.RemoteOutput;
import dev.aex.wire.payload.RemoteRequest;
import dev.aex.wire.payload.ReservedEntry;
import dev.aex.wire.payload.Reset;
import dev.aex.wire.payload.SancusSetKey;
import dev.aex.wire.payload.SealedData;
import dev.aex.wire.payload.SetKey;
import java.util.Locale;

/**
 * Renders a decoded frame in the field vocabulary of the vector files (snake_case names, hex bytes,
 * dotted IPv4), so a test can compare it with a vector's {@code fields} as a whole. Where the bytes
 * alone do not tell the layout (Call args, a sealed reply), the vector's own {@code layout} or keys
 * choose the interpretation, as they would for a reader who knows the context.
 */
final class FieldView {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private FieldView() {}

  static ObjectNode of(WireFrame frame, JsonNode expected) throws WireFormatException {
    ObjectNode out = JSON.objectNode();
    switch (frame) {
      case CommandMessage m -> {
        header(out, "code", m.code().value(), m.code().name(), m.payload());
        if (m.code() == CommandCode.LOAD) {
          load(out, SancusLoad.decodePayload(m.payload()));
        } else {
          payload(out, CommandPayload.decode(m), expected);
        }
      }
      case ResultMessage r -> {
        header(out, "result", r.code().value(), r.code().name(), r.payload());
        if (expected.has("tag")) {
          sealed(out, SealedData.split(r.payload(), "reply"));
        }
      }
      case Message m -> {
        out.put("length", m.payload().size()).put("payload", m.payload().hex());
        EntryCall call = EntryCall.decode(m.payload());
        out.put("entry_id", call.entryId());
        out.put("entry_name", ReservedEntry.fromId(call.entryId()).orElseThrow().name());
        out.put("args", call.args().hex());
        out.set("args_fields", args(expected.path("args_fields"), call.args()));
      }
      case LoadMessage load -> {
        out.put("code", load.code().value()).put("code_name", load.code().name());
        load(out, load);
      }
    }
    return out;
  }

  /**
   * A copy in which every {@code *_name} value is lower case without underscores, so that {@code
   * REMOTE_OUTPUT} matches the vectors' {@code RemoteOutput}.
   */
  static JsonNode normalized(JsonNode fields) {
    JsonNode copy = fields.deepCopy();
    normalize(copy);
    return copy;
  }

  private static void normalize(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object
          .properties()
          .forEach(
              e -> {
                if (e.getKey().endsWith("_name") && e.getValue().isTextual()) {
                  e.setValue(
                      JSON.textNode(
                          e.getValue().asText().replace("_", "").toLowerCase(Locale.ROOT)));
                } else {
                  normalize(e.getValue());
                }
              });
    }
  }

  /** As Jackson parses it: an int node when the value fits, so that trees compare equal. */
  private static JsonNode number(long value) {
    return value == (int) value ? JSON.numberNode((int) value) : JSON.numberNode(value);
  }

  private static void header(ObjectNode out, String kind, int value, String name, Bytes payload) {
    out.put(kind, value).put(kind + "_name", name);
    out.put("length", payload.size()).put("payload", payload.hex());
  }

  private static void payload(ObjectNode out, CommandPayload payload, JsonNode expected)
      throws WireFormatException {
    switch (payload) {
      case Connect c ->
          out.put("conn_id", c.connId())
              .put("to_sm", c.toSm())
              .put("local", c.local() ? 1 : 0)
              .put("to_port", c.toPort())
              .put("to_ip", c.toIp().getHostAddress());
      case Call c -> {
        out.put("sm_id", c.smId()).put("entry_id", c.entryId()).put("args", c.args().hex());
        out.set("args_fields", args(expected.path("args_fields"), c.args()));
      }
      case RegisterEntrypoint r ->
          out.put("sm_id", r.smId())
              .put("entry_id", r.entryId())
              .set("period_ms", number(r.periodMs()));
      case RemoteOutput r -> routed(out.put("to_sm", r.toSm()), r.connId(), r.data());
      case RemoteRequest r -> routed(out.put("to_sm", r.toSm()), r.connId(), r.data());
      case ModuleOutput m -> routed(out.put("entry_id", m.entryId()), m.connId(), m.data());
      case Reset r -> {}
    }
  }

  private static ObjectNode args(JsonNode expected, Bytes args) throws WireFormatException {
    String layout = expected.path("layout").asText();
    ObjectNode out = JSON.objectNode().put("layout", layout);
    switch (layout) {
      case "set_key_sgx_native_tz" -> {
        SetKey k = SetKey.decode(args);
        out.put("enc", k.encryption().value());
        keyFields(out, k.connId(), k.ioId(), k.nonce(), k.associatedData(), k.encryptedKey());
      }
      case "set_key_sancus" -> {
        SancusSetKey k = SancusSetKey.decode(args);
        keyFields(out, k.connId(), k.ioId(), k.nonce(), k.associatedData(), k.encryptedKey());
      }
      case "attest" -> {
        Attest a = Attest.decode(args);
        out.put("challenge_length", a.challenge().size()).put("challenge", a.challenge().hex());
      }
      case "disable" -> {
        Disable d = Disable.decode(args);
        out.put("nonce", d.nonce()).put("ad", d.associatedData().hex());
        sealed(out, d.encryptedNonce());
      }
      case "handle_input", "handle_handler" -> {
        EventArgs e = EventArgs.decode(args);
        routed(out, e.connId(), e.data());
      }
      case "user" -> out.put("args", args.hex());
      default -> throw new AssertionError("unknown args layout in vector: " + layout);
    }
    return out;
  }

  private static void keyFields(
      ObjectNode out, int connId, int ioId, int nonce, Bytes ad, SealedData key) {
    out.put("conn_id", connId).put("io_id", ioId).put("nonce", nonce).put("ad", ad.hex());
    sealed(out, key);
  }

  private static void routed(ObjectNode out, int connId, SealedData data) {
    out.put("conn_id", connId).put("data", data.encode().hex());
    sealed(out, data);
  }

  private static void sealed(ObjectNode out, SealedData data) {
    out.put("ciphertext", data.ciphertext().hex()).put("tag", data.tag().hex());
  }

  private static void load(ObjectNode out, LoadMessage load) {
    out.put("load_arch", load.format().name().toLowerCase(Locale.ROOT));
    switch (load) {
      case NativeLoad n ->
          out.put("exe_length", n.executable().size()).put("exe", n.executable().hex());
      case SgxLoad s ->
          out.put("sgxs_length", s.sgxs().size())
              .put("sgxs", s.sgxs().hex())
              .put("sig_length", s.signature().size())
              .put("sig", s.signature().hex());
      case TrustZoneLoad t ->
          out.put("total_length", 18 + t.taImage().size())
              .put("module_id", t.moduleId())
              .put("uuid", t.uuid().toString().replace("-", ""))
              .put("ta_image", t.taImage().hex());
      case SancusLoad s ->
          out.put("name", s.name()).put("vendor_id", s.vendorId()).put("elf", s.elf().hex());
    }
  }
}
