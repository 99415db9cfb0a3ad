package dev.aex.crypto.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.legacy.LegacyZeroIvAesGcm;
import dev.aex.testkit.Vectors;
import dev.aex.wire.Bytes;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.Message;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireFormatException;
import dev.aex.wire.payload.Call;
import dev.aex.wire.payload.CommandPayload;
import dev.aex.wire.payload.EntryCall;
import dev.aex.wire.payload.EventArgs;
import dev.aex.wire.payload.ModuleOutput;
import dev.aex.wire.payload.RemoteOutput;
import dev.aex.wire.payload.RemoteRequest;
import dev.aex.wire.payload.ReservedEntry;
import dev.aex.wire.payload.SealedData;
import dev.aex.wire.payload.SetKey;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real session of the original stack (peer-session.json): every encrypted payload, found by
 * decoding the captured bytes with aex-wire, decrypts with the stated key and nonce to the stated
 * plaintext and re-encrypts to the captured bytes; every set_key carries its connection's key.
 */
class PeerSessionCryptoTest {
  private static final String FILE = "peer-session.json";

  static Stream<Arguments> encryptedMessages() {
    return Vectors.list(FILE, "messages").stream()
        .filter(m -> m.has("crypto"))
        .map(m -> Arguments.of(m.get("seq").asInt() + " " + m.get("from").asText() + " -> "
            + m.get("to").asText(), m));
  }

  @Test
  void theSessionHasEveryKindOfEncryptedPayload() {
    assertThat(encryptedMessages()).hasSize(40);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encryptedMessages")
  void decryptsWithTheStatedKeyAndNonce(String name, JsonNode message) throws Exception {
    JsonNode crypto = message.get("crypto");
    assertThat(crypto.get("cipher").asText()).isEqualTo("aes-gcm");
    Encrypted found = encryptedPart(message);
    byte[] expectedAd = Vectors.hex(crypto, "ad");
    assertThat(found.ad().orElse(be16(crypto.get("nonce").asInt()))).isEqualTo(expectedAd);

    LegacyZeroIvAesGcm cipher =
        LegacyZeroIvAesGcm.create(SymmetricKey.copyOf(Vectors.hex(crypto, "key")));
    byte[] sealed = found.data().encode().toByteArray();
    byte[] plaintext = cipher.decrypt(expectedAd, sealed);
    assertThat(plaintext).isEqualTo(Vectors.hex(crypto, "plaintext"));
    assertThat(cipher.encrypt(expectedAd, plaintext)).isEqualTo(sealed);
  }

  @Test
  void everySetKeyCarriesTheKeyOfItsConnection() throws Exception {
    Map<Integer, String> keys = new HashMap<>();
    Vectors.json(FILE).get("result_json").get("connections")
        .forEach(c -> keys.put(c.get("id").asInt(), c.get("key").asText()));
    List<JsonNode> setKeys = encryptedMessages()
        .map(a -> (JsonNode) a.get()[1])
        .filter(m -> m.get("crypto").get("key_kind").asText().equals("module"))
        .toList();
    assertThat(setKeys).hasSize(22);
    for (JsonNode m : setKeys) {
      SetKey setKey = (SetKey) encryptedPart(m).source();
      byte[] key = LegacyZeroIvAesGcm
          .create(SymmetricKey.copyOf(Vectors.hex(m.get("crypto"), "key")))
          .decrypt(setKey.associatedData().toByteArray(), setKey.encryptedKey().encode().toByteArray());
      assertThat(HexFormat.of().formatHex(key)).as("seq %s", m.get("seq"))
          .isEqualTo(keys.get(setKey.connId()));
    }
  }

  /** The sealed part of a captured message, its AD when the message carries one, and its record. */
  private record Encrypted(SealedData data, Optional<byte[]> ad, Object source) {}

  private static Encrypted encryptedPart(JsonNode message) throws WireFormatException {
    Bytes frame = Bytes.fromHex(message.get("hex").asText());
    return switch (message.get("framing").asText()) {
      case "CommandMessage" -> fromCommand(CommandPayload.decode(CommandMessage.decode(frame)));
      case "Message" -> fromEntryCall(EntryCall.decode(Message.decode(frame).payload()));
      case "ResultMessage" -> {
        SealedData data = SealedData.split(ResultMessage.decode(frame).payload(), "response");
        yield new Encrypted(data, Optional.empty(), data);
      }
      default -> throw new AssertionError("unexpected framing in " + message);
    };
  }

  private static Encrypted fromCommand(CommandPayload payload) throws WireFormatException {
    return switch (payload) {
      case Call call -> fromEntryCall(call.toEntryCall());
      case RemoteOutput out -> new Encrypted(out.data(), Optional.empty(), out);
      case RemoteRequest req -> new Encrypted(req.data(), Optional.empty(), req);
      case ModuleOutput out -> new Encrypted(out.data(), Optional.empty(), out);
      default -> throw new AssertionError("no encrypted part in " + payload);
    };
  }

  private static Encrypted fromEntryCall(EntryCall call) throws WireFormatException {
    if (call.entryId() == ReservedEntry.SET_KEY.id()) {
      SetKey setKey = SetKey.decode(call.args());
      return new Encrypted(setKey.encryptedKey(),
          Optional.of(setKey.associatedData().toByteArray()), setKey);
    }
    EventArgs event = EventArgs.decode(call.args());
    return new Encrypted(event.data(), Optional.empty(), event);
  }

  private static byte[] be16(int value) {
    return new byte[] {(byte) (value >>> 8), (byte) value};
  }
}
