package dev.aex.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Load for an SGX node (protocol.md §1.6.4), with no u16 length:
 *
 * <pre>
 * [code=3:1][sgxs_len:4 BE][sgxs:sgxs_len][sig_len:4 BE][sig:sig_len]
 * </pre>
 *
 * When read from a peer, {@code sgxs_len + sig_len} must stay within {@link
 * ReadLimits#maxLoadBytes()}.
 */
public record SgxLoad(Bytes sgxs, Bytes signature) implements LoadMessage {
  public SgxLoad {
    Objects.requireNonNull(sgxs, "sgxs");
    Objects.requireNonNull(signature, "signature");
  }

  @Override
  public LoadFormat format() {
    return LoadFormat.SGX;
  }

  @Override
  public Bytes encode() {
    ByteBuffer frame = ByteBuffer.allocate(9 + sgxs.size() + signature.size());
    frame.put((byte) CommandCode.LOAD.value());
    frame.putInt(sgxs.size()).put(sgxs.array());
    frame.putInt(signature.size()).put(signature.array());
    return Bytes.wrap(frame.array());
  }

  /**
   * Reads an SGX Load, or the native Load of a deployer that took an SGX node for a native one.
   * The frames start alike, but an SGX Load's first blob is never an executable (an SGXS stream
   * starts with its ECREATE record, an aex bundle is a zip), and a native Load ends after it:
   * reading on for {@code sig_len} would wait for bytes the sender never sends, until the Load's
   * deadline, so an executable there ends the frame as a {@link NativeLoad}.
   */
  static LoadMessage readAfterCode(FrameInput in, long max) throws IOException {
    in.describe("SgxLoad", "");
    Bytes sgxs = in.body(in.u32("sgxs_len"), max, "sgxs");
    NativeLoad asNative = new NativeLoad(sgxs);
    if (asNative.runnable()) {
      return asNative;
    }
    Bytes sig = in.body(in.u32("sig_len"), max - sgxs.size(), "sig");
    return new SgxLoad(sgxs, sig);
  }
}
