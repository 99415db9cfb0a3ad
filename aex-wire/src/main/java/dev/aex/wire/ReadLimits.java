package dev.aex.wire;

/**
 * The largest lengths a {@link WireReader} accepts from a peer, checked as soon as a length field
 * is read and before anything of that size is allocated.
 *
 * @param maxPayload the largest u16-framed payload, 0..65535 (protocol.md §1.8)
 * @param maxLoadBytes the largest Load body after the code byte for the u32 framings (§1.3); the
 *     default is the TrustZone EM's 10 MiB. At most {@value #MAX_LOAD_CAP} (a Java array).
 */
public record ReadLimits(int maxPayload, long maxLoadBytes) {
  /** 65535-byte payloads and 10 MiB Load bodies. */
  public static final ReadLimits DEFAULT = new ReadLimits(0xffff, 10L * 1024 * 1024);

  /**
   * The largest binary an aex event manager takes in a Load unless it is configured otherwise
   * (64 MiB); the deployer names it when an event manager cut a larger Load short.
   */
  public static final long AEX_EM_MAX_LOAD = 64L * 1024 * 1024;

  /** The largest Load body any reader can hold in one array. */
  public static final long MAX_LOAD_CAP = Integer.MAX_VALUE - 8;

  public ReadLimits {
    if (maxPayload < 0 || maxPayload > 0xffff) {
      throw new IllegalArgumentException("maxPayload: " + maxPayload + " (expected: 0..65535)");
    }
    if (maxLoadBytes < 0 || maxLoadBytes > MAX_LOAD_CAP) {
      throw new IllegalArgumentException(
          "maxLoadBytes: " + maxLoadBytes + " (expected: 0.." + MAX_LOAD_CAP + ")");
    }
  }

  public ReadLimits withMaxPayload(int max) {
    return new ReadLimits(max, maxLoadBytes);
  }

  public ReadLimits withMaxLoadBytes(long max) {
    return new ReadLimits(maxPayload, max);
  }
}
