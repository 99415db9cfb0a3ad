package dev.aex.module;

import dev.aex.wire.Bytes;
import dev.aex.wire.ResultCode;
import java.util.Objects;

/**
 * What an {@link Entry} method returns: a result code and optional bytes, sent back unchanged as
 * the ResultMessage of the call (entry results are not encrypted).
 */
public record EntryResult(ResultCode code, Bytes payload) {
  public EntryResult {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(payload, "payload");
  }

  /** Success with no payload. */
  public static EntryResult ok() {
    return new EntryResult(ResultCode.OK, Bytes.empty());
  }

  /** Success carrying {@code payload} (copied). */
  public static EntryResult ok(byte[] payload) {
    return new EntryResult(ResultCode.OK, Bytes.of(payload));
  }

  /** A failure with the given code and no payload. */
  public static EntryResult failure(ResultCode code) {
    return new EntryResult(code, Bytes.empty());
  }
}
