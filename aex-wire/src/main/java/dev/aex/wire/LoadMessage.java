package dev.aex.wire;

/**
 * The Load command (code 3), whose framing depends on the node type (protocol.md §1.3, §1.6.4):
 * native, SGX and TrustZone nodes use u32 length fields instead of the u16 {@code len}; Sancus uses
 * a normal {@link CommandMessage}. See {@link LoadFormat} for the layouts.
 *
 * <p>Guarantees: each variant encodes to exactly the bytes the original deployer sends. Reading
 * from a peer checks every u32 length against {@link ReadLimits#maxLoadBytes()} before reading the
 * body. Not guaranteed: that the body is a valid binary.
 */
public sealed interface LoadMessage extends Command
    permits NativeLoad, SgxLoad, TrustZoneLoad, SancusLoad {
  LoadFormat format();

  @Override
  default CommandCode code() {
    return CommandCode.LOAD;
  }

  /**
   * Decodes exactly one Load frame, code byte included, in the given framing.
   *
   * @throws WireFormatException if {@code frame} is not exactly one valid Load of that format
   */
  static LoadMessage decode(LoadFormat format, Bytes frame) throws WireFormatException {
    ReadLimits inMemory = ReadLimits.DEFAULT.withMaxLoadBytes(ReadLimits.MAX_LOAD_CAP);
    return FrameInput.decodeWhole(
        frame, "Load (" + format + ")", in -> LoadReading.read(in, format, inMemory));
  }
}
