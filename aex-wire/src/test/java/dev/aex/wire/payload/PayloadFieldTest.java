package dev.aex.wire.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.MalformedPayloadException;
import dev.aex.wire.UnknownCodeException;
import java.net.Inet4Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Field values a layout does not allow, on decoding and on construction. */
class PayloadFieldTest {
  private static final Bytes TAG = Bytes.fromHex("000102030405060708090a0b0c0d0e0f");

  @Test
  void connectLocalMustBeZeroOrOne() {
    assertThatThrownBy(() -> Connect.decode(Bytes.fromHex("00010002021388c0a8010a")))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("Connect local: 2 (expected: 0 or 1)");
  }

  @Test
  void connectTakesIpv4Addresses() throws Exception {
    Connect c = Connect.decode(Bytes.fromHex("00010002011388c0a8010a"));

    assertThat(c.local()).isTrue();
    assertThat(c.toIp()).isEqualTo(InetAddress.getByName("192.168.1.10"));
  }

  @Test
  void setKeyWithAnUnknownEncryptionTypeIsAnUnknownCode() {
    Bytes args = Bytes.of(new byte[39]);
    Bytes bad = Bytes.of((byte) 2).concat(args.slice(1, 39));

    assertThatThrownBy(() -> SetKey.decode(bad))
        .isInstanceOf(UnknownCodeException.class)
        .hasMessage("unknown Encryption: 2 (expected: 0..1)");
  }

  @Test
  void setKeyAssociatedDataIsItsFirstSevenBytes() throws Exception {
    Bytes args =
        Bytes.fromHex(
            "0000014000000059c795408d8eb09bfb9060737c9cae8235ff0e7a8c8c8900df4de0ceee3878c2");

    assertThat(SetKey.decode(args).associatedData()).isEqualTo(args.slice(0, 7));
    assertThat(SancusSetKey.decode(args.slice(1, 39)).associatedData()).isEqualTo(args.slice(1, 7));
  }

  @Test
  void attestChallengeLengthMustCoverTheRest() {
    assertThatThrownBy(() -> Attest.decode(Bytes.fromHex("0010a0a1")))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("Attest chal_len: 16 (expected: 2 (the bytes after chal_len))");
    assertThatThrownBy(() -> Attest.decode(Bytes.fromHex("00")))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("Attest payload length: 1 (expected: >= 2)");
  }

  @Test
  void sancusLoadReplyTextMustBeAscii() {
    assertThatThrownBy(() -> SancusLoadReply.decode(Bytes.fromHex("00016180")))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("SancusLoadReply symtab byte 1: 0x80 (expected: ASCII)");
  }

  @Test
  void sancusLoadReplyRoundTrips() throws Exception {
    SancusLoadReply reply = new SancusLoadReply(3, "foo = 0x6c00;\nSECTIONS\n{\n}\n");

    assertThat(SancusLoadReply.decode(reply.encode())).isEqualTo(reply);
    assertThat(reply.encode().slice(0, 2).hex()).isEqualTo("0003");
  }

  @Test
  void loadHasNoCommandPayloadRecord() {
    CommandMessage load = new CommandMessage(CommandCode.LOAD, Bytes.fromHex("610012347f"));

    assertThatThrownBy(() -> CommandPayload.decode(load))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("LOAD(3)");
  }

  @Test
  void outOfRangeValuesAreRefusedOnConstruction() throws Exception {
    Inet4Address ip = (Inet4Address) InetAddress.getByName("10.0.0.1");
    SealedData data = new SealedData(Bytes.empty(), TAG);

    assertThatThrownBy(() -> new Connect(65536, 0, false, 0, ip))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Connect conn_id: 65536 (expected: 0..65535)");
    assertThatThrownBy(() -> new RegisterEntrypoint(0, 0, -1))
        .hasMessage("RegisterEntrypoint period_ms: -1 (expected: 0..4294967295)");
    assertThatThrownBy(() -> new RemoteOutput(-1, 0, data))
        .hasMessage("RemoteOutput to_sm: -1 (expected: 0..65535)");
    assertThatThrownBy(() -> new Call(0, 0, Bytes.of(new byte[65532])))
        .hasMessage("Call payload length: 65536 (expected: 0..65535)");
    assertThatThrownBy(() -> new SealedData(Bytes.empty(), Bytes.of(new byte[15])))
        .hasMessage("tag length: 15 (expected: 16)");
    assertThatThrownBy(() -> new SetKey(Encryption.AES, 0, 0, 0, data))
        .hasMessage("SetKey ciphertext length: 0 (expected: 16)");
    assertThatThrownBy(() -> new Disable(0, data))
        .hasMessage("Disable ciphertext length: 0 (expected: 2)");
    assertThatThrownBy(() -> new SancusLoadReply(1, "é"))
        .hasMessage("SancusLoadReply symtab: non-ASCII text (expected: 7-bit ASCII)");
  }

  @Test
  void callForwardedToAModuleDropsTheModuleId() {
    Call call = new Call(1, 5, Bytes.fromHex("0800"));

    assertThat(call.toEntryCall().toMessage().encode().hex()).isEqualTo("000400050800");
  }
}
