package dev.aex.em.internal.routing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.WireTimeoutException;
import dev.aex.wire.kept.AexHello;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PeerLinkTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  /**
   * An untrusted peer that answers the hello, then sends its reply a byte every 400 ms (each
   * read within the timeout, the whole far beyond it): the request fails after the timeout.
   */
  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aReplyTrickledByteByByteFailsAfterTheTimeout() throws Exception {
    try (ServerSocket peer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread.ofPlatform().daemon(true).start(() -> trickle(peer));
      PeerLink link = new PeerLink(
          new InetSocketAddress(peer.getInetAddress(), peer.getLocalPort()), TIMEOUT);
      CommandMessage request =
          new CommandMessage(CommandCode.REMOTE_REQUEST, Bytes.fromHex("000100050102"));

      assertThatThrownBy(() -> link.request(request)).isInstanceOf(WireTimeoutException.class)
          .hasMessageContaining("within 1000 ms");
    }
  }

  private static void trickle(ServerSocket server) {
    try (Socket socket = server.accept()) {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      in.readFully(new byte[16]); // the hello
      AexHello.accept(0).writeTo(out);
      in.readUnsignedByte(); // the request
      in.readFully(new byte[in.readUnsignedShort()]);
      for (byte b : Bytes.fromHex("0000080102030405060708").toByteArray()) {
        out.write(b);
        out.flush();
        Thread.sleep(400);
      }
    } catch (IOException | InterruptedException e) {
      // the link gave up and closed
    }
  }
}
