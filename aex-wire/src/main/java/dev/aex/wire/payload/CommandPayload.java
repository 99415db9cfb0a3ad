package dev.aex.wire.payload;

import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.MalformedPayloadException;
import dev.aex.wire.WireFormatException;

/**
 * The typed payload of a u16-framed command (protocol.md §1.6), one record per command code except
 * Load, whose framing depends on the node type ({@code dev.aex.wire.LoadMessage}).
 *
 * <p>Guarantees: {@code decode(encode())} gives an equal record, and decoding the original peers'
 * bytes and encoding the result gives the same bytes. Records check value ranges on construction,
 * so encoding never fails. Decoding is strict: sizes must match the layout exactly where the layout
 * is fixed, even where an original event manager would ignore extra bytes.
 */
public sealed interface CommandPayload
    permits Connect, Call, RemoteOutput, Reset, RegisterEntrypoint, ModuleOutput, RemoteRequest {
  CommandCode code();

  /** The payload bytes, without code and length. */
  Bytes encode();

  /** The complete command. */
  default CommandMessage toMessage() {
    return new CommandMessage(code(), encode());
  }

  /**
   * Decodes the payload of {@code message} according to its code.
   *
   * @throws MalformedPayloadException if the payload does not fit the layout of its code, or the
   *     code is Load (use {@code SancusLoad.decodePayload} for the u16-framed Sancus Load)
   */
  static CommandPayload decode(CommandMessage message) throws WireFormatException {
    Bytes p = message.payload();
    return switch (message.code()) {
      case CONNECT -> Connect.decode(p);
      case CALL -> Call.decode(p);
      case REMOTE_OUTPUT -> RemoteOutput.decode(p);
      case RESET -> Reset.decode(p);
      case REGISTER_ENTRYPOINT -> RegisterEntrypoint.decode(p);
      case MODULE_OUTPUT -> ModuleOutput.decode(p);
      case REMOTE_REQUEST -> RemoteRequest.decode(p);
      case LOAD ->
          throw new MalformedPayloadException(
              "CommandPayload code",
              message.code(),
              "not LOAD(3): Load payloads need a LoadFormat");
    };
  }
}
