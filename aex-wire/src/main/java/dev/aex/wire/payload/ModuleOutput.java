package dev.aex.wire.payload;

import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.MalformedPayloadException;

/**
 * ModuleOutput (code 6): an SGX/native module hands an encrypted event to its own event manager on
 * loopback (protocol.md §1.6.7, §3.1.4). {@code entry_id} is 3 (HandleInput) for an output event
 * and 4 (HandleHandler) for a request; other values are the router's to reject.
 *
 * <pre>
 * [entry_id:2][conn_id:2][ciphertext:*][tag:16]
 * </pre>
 */
public record ModuleOutput(int entryId, int connId, SealedData data) implements CommandPayload {
  /**
   * @throws IllegalArgumentException if an id is not a u16 or the payload would exceed 65535 bytes
   */
  public ModuleOutput {
    RoutedData.check("ModuleOutput", "entry_id", entryId, connId, data);
  }

  @Override
  public CommandCode code() {
    return CommandCode.MODULE_OUTPUT;
  }

  @Override
  public Bytes encode() {
    return RoutedData.encode(entryId, connId, data);
  }

  /**
   * @throws MalformedPayloadException if the payload is shorter than 20 bytes (ids and a tag)
   */
  public static ModuleOutput decode(Bytes payload) throws MalformedPayloadException {
    RoutedData fields = RoutedData.decode(payload, "ModuleOutput");
    return new ModuleOutput(fields.id(), fields.connId(), fields.data());
  }
}
