package dev.aex.module.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.wire.ResultCode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The original suites' u16 counter: exact next value, two per request, no wrap at 65535. */
class CounterChannelTest {
  /** A transparent "AEAD" that only checks the associated data, so 65535 events take no time. */
  private static final CounterAead CLEAR =
      new CounterAead() {
        @Override
        public byte[] seal(byte[] ad, byte[] plaintext) {
          byte[] out = Arrays.copyOf(ad, ad.length + plaintext.length);
          System.arraycopy(plaintext, 0, out, ad.length, plaintext.length);
          return out;
        }

        @Override
        public byte[] open(byte[] ad, byte[] sealed) throws AuthenticationFailedException {
          if (!Arrays.equals(ad, Arrays.copyOf(sealed, 2))) {
            throw new AuthenticationFailedException(AuthenticationFailedException.Reason.BAD_TAG);
          }
          return Arrays.copyOfRange(sealed, 2, sealed.length);
        }
      };

  @Test
  void inputsStopAt65535InsteadOfWrapping() throws Exception {
    CounterChannel channel = new CounterChannel(1, CLEAR);
    for (int n = 0; n < 0xffff; n++) {
      channel.open(CLEAR.seal(Be16.of(n), new byte[0]));
    }
    assertThatThrownBy(() -> channel.open(CLEAR.seal(Be16.of(0xffff), new byte[0])))
        .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo(ResultCode.CRYPTO_ERROR))
        .hasMessageContaining("re-keyed");
    assertThatThrownBy(() -> channel.open(CLEAR.seal(Be16.of(0), new byte[0])))
        .isInstanceOf(Rejection.class);
    assertThatThrownBy(() -> channel.seal(new byte[0])).isInstanceOf(Rejection.class);
  }

  @Test
  void aRequestTakesTwoCountersAndItsReplyUsesTheSecond() throws Exception {
    CounterChannel requester = new CounterChannel(1, CLEAR);
    CounterChannel handler = new CounterChannel(1, CLEAR);
    for (int round = 0; round < 3; round++) {
      ChannelCipher.SentRequest sent = requester.sealRequest(new byte[] {(byte) round});
      assertThat(Arrays.copyOf(sent.frame(), 2)).isEqualTo(Be16.of(2 * round));
      ChannelCipher.OpenedRequest opened = handler.openRequest(sent.frame());
      byte[] reply = opened.sealReply(new byte[] {9});
      assertThat(Arrays.copyOf(reply, 2)).isEqualTo(Be16.of(2 * round + 1));
      assertThat(sent.openReply(reply)).containsExactly(9);
    }
  }

  @Test
  void aRequestNeedsRoomForItsReplyCounter() throws Exception {
    CounterChannel channel = new CounterChannel(1, CLEAR);
    for (int n = 0; n < 0xfffe; n++) {
      channel.seal(new byte[0]);
    }
    assertThatThrownBy(() -> channel.sealRequest(new byte[0])).isInstanceOf(Rejection.class);
    assertThat(channel.seal(new byte[0])).startsWith(Be16.of(0xfffe));
  }

  @Test
  void aFailedOpenConsumesNothing() throws Exception {
    CounterChannel channel = new CounterChannel(1, CLEAR);
    assertThatThrownBy(() -> channel.open(CLEAR.seal(Be16.of(1), new byte[0])))
        .isInstanceOf(Rejection.class)
        .hasMessageContaining("BAD_TAG");
    assertThat(channel.open(CLEAR.seal(Be16.of(0), new byte[] {5}))).containsExactly(5);
  }
}
