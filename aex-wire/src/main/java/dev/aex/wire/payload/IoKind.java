package dev.aex.wire.payload;

/**
 * The kind of a module endpoint by its {@code io_id} range (protocol.md §2.2), as the SGX/native
 * runtime classifies the {@code io_id} of {@link SetKey}: inputs from 0, outputs from 16384,
 * requests from 32768, handlers from 49152. TrustZone uses the first two ranges. Sancus numbers
 * inputs then outputs from 0, so this classification does not apply there.
 */
public enum IoKind {
  INPUT(0),
  OUTPUT(16384),
  REQUEST(32768),
  HANDLER(49152);

  private static final int RANGE = 16384;

  private final int firstId;

  IoKind(int firstId) {
    this.firstId = firstId;
  }

  /** The id of the first endpoint of this kind. */
  public int firstId() {
    return firstId;
  }

  /**
   * The kind of an endpoint id.
   *
   * @throws IllegalArgumentException if {@code ioId} is not a u16
   */
  public static IoKind classify(int ioId) {
    if (ioId < 0 || ioId > 0xffff) {
      throw new IllegalArgumentException("io_id: " + ioId + " (expected: 0..65535)");
    }
    return values()[ioId / RANGE];
  }
}
