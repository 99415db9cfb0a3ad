package dev.aex.wire.kept;

import dev.aex.wire.Bytes;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The negotiation by which an aex component asks an aex event manager to keep a connection open
 * (aex-em README, "Kept connections"): another event manager, or a module sending its outputs.
 * Outside the original protocol: its code
 * is one that no original event manager knows, so an original SGX/native EM answers
 * IllegalCommand, a TrustZone EM echoes the payload back with Ok, a Sancus bridge closes or stays
 * silent; only an aex event manager answers Ok with the distinct {@link #ACCEPT} magic.
 *
 * <pre>
 * hello:  [0xAE][len:2 = 13]["aex?"][version:1][session:8]
 * reply:  [Ok:1][len:2 = 13]["aex!"][version:1][accepted:8]
 * </pre>
 *
 * <p>{@code session} names the sender's stream of events to this peer (0: requests only, no event
 * stream); {@code accepted} is how many events of that session (RemoteOutputs, and ModuleOutputs
 * to handle_input) the peer has taken so far (0 for a session it does not know). After the
 * hello, the peer answers every event (RemoteOutput, and ModuleOutput to handle_input) on the
 * connection: in a session, Ok once the event is queued for its destination, GenericError if it
 * was dropped there; without one (session 0), a RemoteOutput once its module has answered, with
 * that answer ({@link ConfirmedOutput}).
 */
public final class AexHello {
  /** The command byte; original codes are 0..7. */
  public static final int CODE = 0xAE;
  /** The only version so far. */
  public static final int VERSION = 1;

  private static final byte[] ASK = {'a', 'e', 'x', '?'};
  private static final byte[] ACCEPT = {'a', 'e', 'x', '!'};
  private static final int LENGTH = 4 + 1 + 8;

  private AexHello() {}

  /** The whole hello frame, code byte included. */
  public static byte[] frame(long session) {
    ByteBuffer frame = ByteBuffer.allocate(3 + LENGTH);
    frame.put((byte) CODE).putShort((short) LENGTH).put(ASK).put((byte) VERSION).putLong(session);
    return frame.array();
  }

  /** The session a hello payload names; empty if it is not a hello this version understands. */
  public static Optional<Long> session(Bytes payload) {
    if (payload.size() != LENGTH || !startsWith(payload, ASK) || payload.getUnsigned(4) < VERSION) {
      return Optional.empty();
    }
    return Optional.of(payload.asByteBuffer().getLong(5));
  }

  /** The reply of an aex event manager. */
  public static ResultMessage accept(long accepted) {
    ByteBuffer payload = ByteBuffer.allocate(LENGTH);
    payload.put(ACCEPT).put((byte) VERSION).putLong(accepted);
    return new ResultMessage(ResultCode.OK, Bytes.of(payload.array()));
  }

  /**
   * The count of accepted events in an aex event manager's reply; empty for every other answer
   * (IllegalCommand, an echo of the hello, anything else).
   */
  public static Optional<Long> accepted(ResultMessage reply) {
    Bytes payload = reply.payload();
    if (reply.code() != ResultCode.OK || payload.size() != LENGTH || !startsWith(payload, ACCEPT)
        || payload.getUnsigned(4) != VERSION) {
      return Optional.empty();
    }
    return Optional.of(payload.asByteBuffer().getLong(5));
  }

  private static boolean startsWith(Bytes payload, byte[] magic) {
    for (int i = 0; i < magic.length; i++) {
      if (payload.get(i) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
