package dev.aex.wire.payload;

import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.MalformedPayloadException;

/**
 * RemoteOutput (code 2): an encrypted output event for module {@code to_sm} on the receiving node
 * (protocol.md §1.6.3). No reply is declared.
 *
 * <pre>
 * [to_sm:2][conn_id:2][ciphertext:*][tag:16]
 * </pre>
 */
public record RemoteOutput(int toSm, int connId, SealedData data) implements CommandPayload {
  /**
   * @throws IllegalArgumentException if an id is not a u16 or the payload would exceed 65535 bytes
   */
  public RemoteOutput {
    RoutedData.check("RemoteOutput", "to_sm", toSm, connId, data);
  }

  @Override
  public CommandCode code() {
    return CommandCode.REMOTE_OUTPUT;
  }

  @Override
  public Bytes encode() {
    return RoutedData.encode(toSm, connId, data);
  }

  /**
   * @throws MalformedPayloadException if the payload is shorter than 20 bytes (ids and a tag)
   */
  public static RemoteOutput decode(Bytes payload) throws MalformedPayloadException {
    RoutedData fields = RoutedData.decode(payload, "RemoteOutput");
    return new RemoteOutput(fields.id(), fields.connId(), fields.data());
  }
}
