package dev.aex.wire;

import dev.aex.wire.internal.Checks;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Load for a Sancus node (protocol.md §1.6.4), which unlike the other node types uses the normal
 * u16-framed {@link CommandMessage}:
 *
 * <pre>
 * [code=3:1][len:2 BE][name:ASCII][0x00][vendor_id:2 BE][elf:*]
 * </pre>
 *
 * {@code name} is the module's deploy name (its text section is {@code .text.sm.<name>}). The reply
 * carries the id the Sancus loader assigned ({@code dev.aex.wire.payload.SancusLoadReply}).
 */
public record SancusLoad(String name, int vendorId, Bytes elf) implements LoadMessage {
  /**
   * @throws IllegalArgumentException if {@code name} is empty or not NUL-free ASCII, {@code
   *     vendorId} is not a u16, or the payload would not fit the u16 length
   */
  public SancusLoad {
    Checks.asciiName(name, "SancusLoad name");
    Checks.u16(vendorId, "SancusLoad vendor_id");
    Objects.requireNonNull(elf, "elf");
    Checks.u16(name.length() + 3 + elf.size(), "SancusLoad payload length");
  }

  @Override
  public LoadFormat format() {
    return LoadFormat.SANCUS;
  }

  /** The CommandMessage payload: {@code [name][00][vendor_id:2][elf]}. */
  public Bytes encodePayload() {
    ByteBuffer payload = ByteBuffer.allocate(name.length() + 3 + elf.size());
    payload.put(name.getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
    payload.putShort((short) vendorId).put(elf.array());
    return Bytes.wrap(payload.array());
  }

  @Override
  public Bytes encode() {
    return new CommandMessage(CommandCode.LOAD, encodePayload()).encode();
  }

  /**
   * Decodes the payload of a Load CommandMessage.
   *
   * @throws MalformedPayloadException if the name is missing, unterminated or not ASCII, or the
   *     vendor id is cut off
   */
  public static SancusLoad decodePayload(Bytes payload) throws MalformedPayloadException {
    byte[] p = payload.array();
    int nul = 0;
    while (nul < p.length && p[nul] > 0) {
      nul++;
    }
    if (nul == p.length) {
      throw new MalformedPayloadException(
          "SancusLoad name", "no 0x00 terminator", "name then 0x00");
    }
    if (p[nul] != 0) {
      throw new MalformedPayloadException(
          "SancusLoad name byte " + nul, String.format("0x%02x", p[nul] & 0xff), "ASCII or 0x00");
    }
    if (nul == 0) {
      throw new MalformedPayloadException("SancusLoad name length", 0, ">= 1");
    }
    if (p.length - nul - 1 < 2) {
      throw new MalformedPayloadException(
          "SancusLoad vendor_id length", p.length - nul - 1, ">= 2");
    }
    String name = new String(p, 0, nul, StandardCharsets.US_ASCII);
    int vendorId = (p[nul + 1] & 0xff) << 8 | (p[nul + 2] & 0xff);
    return new SancusLoad(name, vendorId, payload.slice(nul + 3, p.length));
  }
}
