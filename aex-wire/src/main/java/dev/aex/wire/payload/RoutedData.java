package dev.aex.wire.payload;

import dev.aex.wire.Bytes;
import dev.aex.wire.MalformedPayloadException;
import dev.aex.wire.internal.Checks;
import java.util.Objects;

/**
 * The {@code [id:2][conn_id:2][ciphertext||tag:*]} layout that RemoteOutput, RemoteRequest and
 * ModuleOutput share (§1.6.3, §1.6.7, §1.6.8); the first id is a module id or an entry id.
 */
record RoutedData(int id, int connId, SealedData data) {
  private static final int HEADER = 4;

  /** Checks the fields of a record with this layout, naming them for the caller. */
  static void check(String type, String idField, int id, int connId, SealedData data) {
    Checks.u16(id, type, idField);
    Checks.u16(connId, type, "conn_id");
    Objects.requireNonNull(data, "data");
    Checks.u16(HEADER + data.size(), type, "payload length");
  }

  static Bytes encode(int id, int connId, SealedData data) {
    return PayloadWriter.of(HEADER + data.size()).u16(id).u16(connId).bytes(data.encode()).done();
  }

  static RoutedData decode(Bytes payload, String type) throws MalformedPayloadException {
    PayloadReader in = PayloadReader.atLeast(payload, HEADER + SealedData.TAG_LENGTH, type);
    return new RoutedData(in.u16(), in.u16(), SealedData.split(in.rest(), type));
  }
}
