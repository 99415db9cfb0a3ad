package dev.aex.wire;

import dev.aex.wire.internal.Checks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.UUID;

/**
 * Load for a TrustZone node (protocol.md §1.6.4), with a u32 total instead of the u16 length:
 *
 * <pre>
 * [code=3:1][total:4 BE][module_id:2][uuid:16][ta_image:total-18]
 * </pre>
 *
 * The UUID travels in its RFC 4122 big-endian form (most significant half first).
 */
public record TrustZoneLoad(int moduleId, UUID uuid, Bytes taImage) implements LoadMessage {
  private static final int FIXED = 2 + 16;

  /**
   * @throws IllegalArgumentException if {@code moduleId} is not a u16
   */
  public TrustZoneLoad {
    Checks.u16(moduleId, "TrustZoneLoad module_id");
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(taImage, "taImage");
  }

  @Override
  public LoadFormat format() {
    return LoadFormat.TRUSTZONE;
  }

  @Override
  public Bytes encode() {
    ByteBuffer frame = ByteBuffer.allocate(5 + FIXED + taImage.size());
    frame.put((byte) CommandCode.LOAD.value()).putInt(FIXED + taImage.size());
    frame.putShort((short) moduleId);
    frame.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    frame.put(taImage.array());
    return Bytes.wrap(frame.array());
  }

  static TrustZoneLoad readAfterCode(FrameInput in, long max) throws IOException {
    long total = in.describe("TrustZoneLoad", "").u32("total");
    if (total > max) {
      throw new FrameTooLongException("TrustZoneLoad total", total, max);
    }
    if (total < FIXED) {
      throw new MalformedPayloadException(
          "TrustZoneLoad total", total, ">= 18 (module_id:2 and uuid:16)");
    }
    int moduleId = in.u16("module_id");
    ByteBuffer uuid = ByteBuffer.wrap(in.body(16, 16, "uuid").array());
    Bytes ta = in.body(total - FIXED, max, "ta_image");
    return new TrustZoneLoad(moduleId, new UUID(uuid.getLong(), uuid.getLong()), ta);
  }
}
