package dev.aex.em.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.SymmetricKey;
import dev.aex.module.testing.TestDeployer;
import dev.aex.wire.Bytes;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.Call;
import dev.aex.wire.payload.Connect;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Optional;

/** The deployer's steps, sent to an event manager the way reactive-tools sends them. */
public final class Deployer {
  public static final ResultMessage OK = ResultMessage.of(ResultCode.OK);

  private Deployer() {}

  public static void load(int emPort, RelayBinary module) {
    assertThat(EmClient.exchange(emPort, module.load())).as("Load of relay " + module.moduleId()).contains(OK);
  }

  /** Connect on the event manager of the connection's source. */
  public static void connect(int emPort, int connId, int toSm, boolean local, int peerPort) {
    Connect connect = new Connect(connId, toSm, local, peerPort, loopback());
    assertThat(EmClient.exchange(emPort, connect.toMessage())).as("Connect " + connId).contains(OK);
  }

  /** Secure set_key (enc 2) through the event manager. */
  public static void setKey(int emPort, RelayBinary module, TestDeployer control, int connId,
      String endpoint, SymmetricKey key) {
    byte[] args = control.setKey(2, connId, module.id(endpoint), key);
    assertThat(call(emPort, module.moduleId(), 0, args)).as("set_key " + endpoint).contains(OK);
  }

  /** The original set_key (enc 0, zero-IV AES) through the event manager. */
  public static void legacySetKey(int emPort, RelayBinary module, int nonce, int connId,
      String endpoint, SymmetricKey key) {
    byte[] args = TestDeployer.legacySetKey(module.key(), 0, connId, module.id(endpoint), nonce, key);
    assertThat(call(emPort, module.moduleId(), 0, args)).as("legacy set_key " + endpoint).contains(OK);
  }

  public static Optional<ResultMessage> call(int emPort, int smId, int entryId, byte[] args) {
    return EmClient.exchange(emPort, new Call(smId, entryId, Bytes.of(args)).toMessage());
  }

  /** The relay's {@code stats} entry: events received, periodic ticks. */
  public static int[] stats(int emPort, RelayBinary module) {
    ResultMessage reply = call(emPort, module.moduleId(), module.id("stats"), new byte[0])
        .orElseThrow(() -> new AssertionError("stats: no reply"));
    assertThat(reply.code()).as("stats of relay " + module.moduleId()).isEqualTo(ResultCode.OK);
    ByteBuffer counts = reply.payload().asByteBuffer();
    return new int[] {counts.getInt(), counts.getInt()};
  }

  public static Inet4Address loopback() {
    try {
      return (Inet4Address) InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
