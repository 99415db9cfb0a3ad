package dev.aex.wire;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The reply to a command, or a module's reply to its event manager (protocol.md §1.2):
 *
 * <pre>
 * [result:1][len:2 BE][payload:len]
 * </pre>
 *
 * <p>Guarantees: the payload fits the u16 length (checked on construction). Its meaning depends on
 * the command answered (e.g. an attestation tag, an encrypted handler response, the Sancus Load
 * reply); it is not interpreted here.
 */
public record ResultMessage(ResultCode code, Bytes payload) implements WireFrame {
  /**
   * @throws IllegalArgumentException if the payload is longer than 65535 bytes
   */
  public ResultMessage {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(payload, "payload");
    U16Frame.checkPayload(payload, "ResultMessage", code);
  }

  /** A reply with an empty payload, e.g. {@code 00 0000} for {@link ResultCode#OK}. */
  public static ResultMessage of(ResultCode code) {
    return new ResultMessage(code, Bytes.empty());
  }

  @Override
  public Bytes encode() {
    return U16Frame.encode(code.value(), payload);
  }

  /**
   * Decodes exactly one frame.
   *
   * @throws WireFormatException if {@code frame} is not exactly one valid ResultMessage
   */
  public static ResultMessage decode(Bytes frame) throws WireFormatException {
    return FrameInput.decodeWhole(frame, "ResultMessage", in -> read(in, ReadLimits.DEFAULT));
  }

  static Optional<ResultMessage> read(FrameInput in, ReadLimits limits) throws IOException {
    int first = in.describe("ResultMessage", "").firstByteOrEnd("code");
    if (first < 0) {
      return Optional.empty();
    }
    ResultCode code = ResultCode.fromByte((byte) first);
    Bytes payload =
        U16Frame.readLengthAndPayload(in.describe("ResultMessage", code), limits.maxPayload());
    return Optional.of(new ResultMessage(code, payload));
  }
}
