package dev.aex.wire.payload;

import dev.aex.wire.Bytes;
import dev.aex.wire.MalformedPayloadException;
import dev.aex.wire.internal.Checks;
import java.nio.charset.StandardCharsets;

/**
 * The payload of the Ok reply to a Sancus Load (protocol.md §1.6.4): the module id the Sancus
 * loader assigned (0 means failure to the deployer) and the module's symbol table as ASCII linker
 * script text, {@code <name> = <addr>;\n} lines and a {@code SECTIONS} block.
 *
 * <pre>
 * [sm_id:2][symtab_text:*]
 * </pre>
 */
public record SancusLoadReply(int smId, String symtab) {
  private static final int HEADER = 2;

  /**
   * @throws IllegalArgumentException if the id is not a u16, the text not ASCII, or the payload
   *     would exceed 65535 bytes
   */
  public SancusLoadReply {
    Checks.u16(smId, "SancusLoadReply sm_id");
    Checks.ascii(symtab, "SancusLoadReply symtab");
    Checks.u16(HEADER + symtab.length(), "SancusLoadReply payload length");
  }

  public Bytes encode() {
    return PayloadWriter.of(HEADER + symtab.length())
        .u16(smId)
        .bytes(Bytes.of(symtab.getBytes(StandardCharsets.US_ASCII)))
        .done();
  }

  /**
   * @throws MalformedPayloadException if the payload is shorter than 2 bytes or the text not ASCII
   */
  public static SancusLoadReply decode(Bytes payload) throws MalformedPayloadException {
    PayloadReader in = PayloadReader.atLeast(payload, HEADER, "SancusLoadReply");
    int smId = in.u16();
    byte[] text = in.rest().toByteArray();
    for (int i = 0; i < text.length; i++) {
      if (text[i] < 0) {
        throw new MalformedPayloadException(
            "SancusLoadReply symtab byte " + i, String.format("0x%02x", text[i] & 0xff), "ASCII");
      }
    }
    return new SancusLoadReply(smId, new String(text, StandardCharsets.US_ASCII));
  }
}
