package dev.aex.wire.payload;

import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.MalformedPayloadException;

/**
 * RemoteRequest (code 7): an encrypted request for a handler of module {@code to_sm} on the
 * receiving node (protocol.md §1.6.8). The reply is the handler's ResultMessage, normally Ok with
 * the encrypted response as payload.
 *
 * <pre>
 * [to_sm:2][conn_id:2][ciphertext:*][tag:16]
 * </pre>
 */
public record RemoteRequest(int toSm, int connId, SealedData data) implements CommandPayload {
  /**
   * @throws IllegalArgumentException if an id is not a u16 or the payload would exceed 65535 bytes
   */
  public RemoteRequest {
    RoutedData.check("RemoteRequest", "to_sm", toSm, connId, data);
  }

  @Override
  public CommandCode code() {
    return CommandCode.REMOTE_REQUEST;
  }

  @Override
  public Bytes encode() {
    return RoutedData.encode(toSm, connId, data);
  }

  /**
   * @throws MalformedPayloadException if the payload is shorter than 20 bytes (ids and a tag)
   */
  public static RemoteRequest decode(Bytes payload) throws MalformedPayloadException {
    RoutedData fields = RoutedData.decode(payload, "RemoteRequest");
    return new RemoteRequest(fields.id(), fields.connId(), fields.data());
  }
}
