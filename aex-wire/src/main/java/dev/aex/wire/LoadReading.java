package dev.aex.wire;

import java.io.IOException;
import java.util.Optional;

/** Reads the part of a Load frame after the code byte, per {@link LoadFormat}. */
final class LoadReading {
  private LoadReading() {}

  static Optional<LoadMessage> read(FrameInput in, LoadFormat format, ReadLimits limits)
      throws IOException {
    int first = in.describe("Load", "").firstByteOrEnd("code");
    if (first < 0) {
      return Optional.empty();
    }
    CommandCode code = CommandCode.fromByte((byte) first);
    if (code != CommandCode.LOAD) {
      throw new MalformedPayloadException("Load code", code, CommandCode.LOAD.toString());
    }
    return Optional.of(readAfterCode(in, format, limits));
  }

  static LoadMessage readAfterCode(FrameInput in, LoadFormat format, ReadLimits limits)
      throws IOException {
    return switch (format) {
      case NATIVE -> NativeLoad.readAfterCode(in, limits.maxLoadBytes());
      case SGX -> SgxLoad.readAfterCode(in, limits.maxLoadBytes());
      case TRUSTZONE -> TrustZoneLoad.readAfterCode(in, limits.maxLoadBytes());
      case SANCUS ->
          SancusLoad.decodePayload(
              U16Frame.readLengthAndPayload(in.describe("SancusLoad", ""), limits.maxPayload()));
    };
  }
}
