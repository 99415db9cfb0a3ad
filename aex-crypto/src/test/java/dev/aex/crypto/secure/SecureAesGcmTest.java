package dev.aex.crypto.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.AuthenticationFailedException.Reason;
import dev.aex.crypto.SymmetricKey;
import dev.aex.testkit.Mutations;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecureAesGcmTest {
  private static final byte[] AD = {0, 3, 0, 1};
  private final SecureAesGcm suite = SecureAesGcm.create(SymmetricKey.random16());

  @Test
  void everyFrameUsesANewCounter() {
    Sender sender = suite.newSender();
    Set<Long> counters = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      counters.add(ByteBuffer.wrap(sender.seal(AD, bytes("same"))).getLong());
    }
    assertThat(counters).hasSize(1000);
    assertThat(sender.nextCounter()).isEqualTo(1000);
  }

  @Test
  void samePlaintextGivesDifferentCiphertexts() {
    Sender sender = suite.newSender();
    byte[] a = sender.seal(AD, bytes("hello"));
    byte[] b = sender.seal(AD, bytes("hello"));
    assertThat(java.util.Arrays.copyOfRange(a, 8, 13))
        .isNotEqualTo(java.util.Arrays.copyOfRange(b, 8, 13));
  }

  @Test
  void rejectsEveryReplay() throws Exception {
    Sender sender = suite.newSender();
    Receiver receiver = suite.newReceiver();
    byte[] frame = sender.seal(AD, bytes("once"));
    assertThat(receiver.open(AD, frame)).isEqualTo(bytes("once"));
    assertRejected(() -> receiver.open(AD, frame), Reason.REPLAY);
  }

  @Test
  void toleratesLossAndReorderingInsideTheWindow() throws Exception {
    Sender sender = suite.newSender();
    Receiver receiver = suite.newReceiver(64);
    byte[][] frames = new byte[100][];
    for (int i = 0; i < frames.length; i++) {
      frames[i] = sender.seal(AD, new byte[] {(byte) i});
    }
    assertThat(receiver.open(AD, frames[50])).containsExactly(50);
    assertThat(receiver.open(AD, frames[10])).containsExactly(10);
    assertThat(receiver.open(AD, frames[99])).containsExactly(99);
    assertThat(receiver.open(AD, frames[36])).containsExactly(36);
    assertRejected(() -> receiver.open(AD, frames[35]), Reason.REPLAY); // older than the window
    assertRejected(() -> receiver.open(AD, frames[50]), Reason.REPLAY);
  }

  @Test
  void forgedFramesDoNotMoveTheWindow() throws Exception {
    Sender sender = suite.newSender();
    Receiver receiver = suite.newReceiver(64);
    byte[] first = sender.seal(AD, bytes("a"));
    byte[] forged = first.clone();
    ByteBuffer.wrap(forged).putLong(1_000_000);
    assertRejected(() -> receiver.open(AD, forged), Reason.BAD_TAG);
    assertThat(receiver.open(AD, first)).isEqualTo(bytes("a"));
  }

  @Test
  void rejectsEveryMutationOfCounterCiphertextTagAndAd() throws Exception {
    byte[] frame = suite.newSender().seal(AD, bytes("attack at dawn"));
    for (Mutations.Mutation m : Mutations.of(frame)) {
      assertThatThrownBy(() -> suite.newReceiver().open(AD, m.bytes()))
          .as("frame %s", m).isInstanceOf(AuthenticationFailedException.class)
          .hasMessage("decryption failed");
    }
    for (Mutations.Mutation m : Mutations.of(AD)) {
      assertThatThrownBy(() -> suite.newReceiver().open(m.bytes(), frame))
          .as("AD %s", m).isInstanceOf(AuthenticationFailedException.class);
    }
    assertRejected(() -> SecureAesGcm.create(SymmetricKey.random16()).newReceiver().open(AD, frame),
        Reason.BAD_TAG);
  }

  @Test
  void aReplyIsBoundToItsRequest() throws Exception {
    Sender requester = suite.newSender();
    Receiver handler = suite.newReceiver();
    PendingRequest first = requester.sealRequest(AD, bytes("ping 1"));
    PendingRequest second = requester.sealRequest(AD, bytes("ping 2"));
    byte[] firstReply = handler.openRequest(AD, first.frame()).sealReply(AD, bytes("pong 1"));
    assertRejected(() -> second.openReply(AD, firstReply), Reason.REPLAY);
    assertThat(first.openReply(AD, firstReply)).isEqualTo(bytes("pong 1"));
  }

  @Test
  void aReplyIsNeverAcceptedAsARequestOrEvent() throws Exception {
    PendingRequest request = suite.newSender().sealRequest(AD, bytes("ping"));
    byte[] reply = suite.newReceiver().openRequest(AD, request.frame()).sealReply(AD, bytes("pong"));
    assertRejected(() -> suite.newReceiver().open(AD, reply), Reason.BAD_TAG);
  }

  @Test
  void aRequestCanBeAnsweredOnlyOnce() throws Exception {
    PendingRequest request = suite.newSender().sealRequest(AD, bytes("ping"));
    ReceivedRequest received = suite.newReceiver().openRequest(AD, request.frame());
    received.sealReply(AD, bytes("pong"));
    assertThatThrownBy(() -> received.sealReply(AD, bytes("pong again")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("one reply per request");
  }

  @Test
  void theSenderStopsBeforeItsCounterWraps() {
    Sender sender = suite.resumeSender(Long.MAX_VALUE - 1);
    sender.seal(AD, bytes("last"));
    assertThatThrownBy(() -> sender.seal(AD, bytes("one too many")))
        .isInstanceOf(CounterExhaustedException.class)
        .hasMessageContaining("re-key the connection");
    assertThat(sender.nextCounter()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void framesWithCountersNoSenderUsesAreMalformed() {
    byte[] frame = suite.newSender().seal(AD, bytes("x"));
    frame[0] = (byte) 0x80;
    assertRejected(() -> suite.newReceiver().open(AD, frame), Reason.MALFORMED);
  }

  @Test
  void shortFramesAreTruncated() {
    assertRejected(() -> suite.newReceiver().open(AD, new byte[SecureAesGcm.OVERHEAD - 1]),
        Reason.TRUNCATED);
  }

  @Test
  void resumingANegativeCounterIsRefused() {
    assertThatThrownBy(() -> suite.resumeSender(-1)).hasMessageContaining("expected: >= 0");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private interface Call {
    void run() throws Exception;
  }

  private static void assertRejected(Call call, Reason reason) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(AuthenticationFailedException.class,
            e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessage("decryption failed");
  }
}
