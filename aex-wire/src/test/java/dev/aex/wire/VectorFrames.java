package dev.aex.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.testkit.Hex;
import dev.aex.wire.payload.Attest;
import dev.aex.wire.payload.Call;
import dev.aex.wire.payload.Connect;
import dev.aex.wire.payload.Disable;
import dev.aex.wire.payload.Encryption;
import dev.aex.wire.payload.EntryCall;
import dev.aex.wire.payload.EventArgs;
import dev.aex.wire.payload.ModuleOutput;
import dev.aex.wire.payload.RegisterEntrypoint;
import dev.aex.wire.payload.RemoteOutput;
import dev.aex.wire.payload.RemoteRequest;
import dev.aex.wire.payload.Reset;
import dev.aex.wire.payload.SancusSetKey;
import dev.aex.wire.payload.SealedData;
import dev.aex.wire.payload.SetKey;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Decodes, reads and builds the frames of the vector files by their {@code framing}, so each test
 * uses the reader an implementation would use for that link.
 */
final class VectorFrames {
  private VectorFrames() {}

  static Bytes hex(JsonNode node, String field) {
    return Bytes.of(Hex.decode(node.get(field).asText()));
  }

  static WireFrame decode(JsonNode vector, Bytes frame) throws WireFormatException {
    return switch (vector.get("framing").asText()) {
      case "CommandMessage" -> CommandMessage.decode(frame);
      case "ResultMessage" -> ResultMessage.decode(frame);
      case "Message" -> Message.decode(frame);
      case "CommandMessageLoad" -> LoadMessage.decode(loadFormat(vector.get("fields")), frame);
      default -> throw new AssertionError("unknown framing " + vector.get("framing"));
    };
  }

  static Optional<WireFrame> read(JsonNode vector, WireReader reader) throws IOException {
    Optional<? extends WireFrame> frame =
        switch (vector.get("framing").asText()) {
          case "CommandMessage" -> reader.readCommandMessage();
          case "ResultMessage" -> reader.readResult();
          case "Message" -> reader.readMessage();
          case "CommandMessageLoad" -> reader.readCommand(loadFormat(vector.get("fields")));
          default -> throw new AssertionError("unknown framing " + vector.get("framing"));
        };
    return frame.map(WireFrame.class::cast);
  }

  static LoadFormat loadFormat(JsonNode fields) {
    return LoadFormat.valueOf(fields.get("load_arch").asText().toUpperCase(Locale.ROOT));
  }

  /** Builds the frame from the vector's {@code fields} alone, never from its {@code hex}. */
  static WireFrame build(JsonNode vector) throws IOException {
    JsonNode f = vector.get("fields");
    return switch (vector.get("framing").asText()) {
      case "CommandMessage" -> command(f);
      case "ResultMessage" ->
          new ResultMessage(
              ResultCode.values()[f.get("result").asInt()],
              f.has("tag") ? sealed(f).encode() : hex(f, "payload"));
      case "Message" ->
          new EntryCall(f.get("entry_id").asInt(), args(f.get("args_fields"))).toMessage();
      case "CommandMessageLoad" -> load(f);
      default -> throw new AssertionError("unknown framing " + vector.get("framing"));
    };
  }

  private static Command command(JsonNode f) throws IOException {
    return switch (CommandCode.values()[f.get("code").asInt()]) {
      case CONNECT ->
          new Connect(
                  f.get("conn_id").asInt(),
                  f.get("to_sm").asInt(),
                  f.get("local").asInt() == 1,
                  f.get("to_port").asInt(),
                  (Inet4Address) InetAddress.getByName(f.get("to_ip").asText()))
              .toMessage();
      case CALL ->
          new Call(f.get("sm_id").asInt(), f.get("entry_id").asInt(), args(f.get("args_fields")))
              .toMessage();
      case REMOTE_OUTPUT ->
          new RemoteOutput(f.get("to_sm").asInt(), f.get("conn_id").asInt(), sealed(f)).toMessage();
      case REMOTE_REQUEST ->
          new RemoteRequest(f.get("to_sm").asInt(), f.get("conn_id").asInt(), sealed(f))
              .toMessage();
      case MODULE_OUTPUT ->
          new ModuleOutput(f.get("entry_id").asInt(), f.get("conn_id").asInt(), sealed(f))
              .toMessage();
      case REGISTER_ENTRYPOINT ->
          new RegisterEntrypoint(
                  f.get("sm_id").asInt(), f.get("entry_id").asInt(), f.get("period_ms").asLong())
              .toMessage();
      case RESET -> new Reset().toMessage();
      case LOAD ->
          new SancusLoad(f.get("name").asText(), f.get("vendor_id").asInt(), hex(f, "elf"));
    };
  }

  private static Bytes args(JsonNode a) {
    return switch (a.get("layout").asText()) {
      case "set_key_sgx_native_tz" ->
          new SetKey(
                  Encryption.values()[a.get("enc").asInt()],
                  a.get("conn_id").asInt(),
                  a.get("io_id").asInt(),
                  a.get("nonce").asInt(),
                  sealed(a))
              .encode();
      case "set_key_sancus" ->
          new SancusSetKey(
                  a.get("conn_id").asInt(),
                  a.get("io_id").asInt(),
                  a.get("nonce").asInt(),
                  sealed(a))
              .encode();
      case "attest" -> new Attest(hex(a, "challenge")).encode();
      case "disable" -> new Disable(a.get("nonce").asInt(), sealed(a)).encode();
      case "handle_input", "handle_handler" ->
          new EventArgs(a.get("conn_id").asInt(), sealed(a)).encode();
      case "user" -> hex(a, "args");
      default -> throw new AssertionError("unknown args layout " + a.get("layout"));
    };
  }

  private static SealedData sealed(JsonNode f) {
    return new SealedData(hex(f, "ciphertext"), hex(f, "tag"));
  }

  private static LoadMessage load(JsonNode f) {
    return switch (loadFormat(f)) {
      case NATIVE -> new NativeLoad(hex(f, "exe"));
      case SGX -> new SgxLoad(hex(f, "sgxs"), hex(f, "sig"));
      case TRUSTZONE -> new TrustZoneLoad(f.get("module_id").asInt(), uuid(f), hex(f, "ta_image"));
      case SANCUS -> throw new AssertionError("Sancus Load uses CommandMessage framing");
    };
  }

  private static UUID uuid(JsonNode f) {
    String h = f.get("uuid").asText();
    return UUID.fromString(
        String.join(
            "-",
            h.substring(0, 8),
            h.substring(8, 12),
            h.substring(12, 16),
            h.substring(16, 20),
            h.substring(20)));
  }
}
