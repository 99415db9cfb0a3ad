package dev.aex.examples;

import dev.aex.crypto.secure.ReceivedRequest;
import dev.aex.crypto.secure.Receiver;
import dev.aex.module.testing.TestDeployer;
import dev.aex.wire.Bytes;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.ModuleOutput;
import java.nio.ByteBuffer;

/** The examples' payloads (big-endian, as the original's {@code to_be_bytes}) and a fake handler. */
final class Payloads {
  static final byte[] NOTHING = new byte[0];

  private Payloads() {}

  static byte[] u16(int value) {
    return ByteBuffer.allocate(2).putShort((short) value).array();
  }

  static byte[] u32(int value) {
    return ByteBuffer.allocate(4).putInt(value).array();
  }

  /**
   * A handler's sealed answer to a request that a module sent the fake EM, as the handler's module
   * would give it: opened with the connection's receiver, answered with {@code answer}.
   */
  static ResultMessage answer(Receiver handler, CommandMessage command, byte[] answer) {
    try {
      ModuleOutput request = ModuleOutput.decode(command.payload());
      byte[] ad = TestDeployer.ad(4, request.connId());
      ReceivedRequest received = handler.openRequest(ad, request.data().encode().toByteArray());
      return new ResultMessage(ResultCode.OK, Bytes.of(received.sealReply(ad, answer)));
    } catch (Exception e) {
      return ResultMessage.of(ResultCode.CRYPTO_ERROR);
    }
  }

  /** Whether a command from a module is a request (ModuleOutput to entry 4), not an output. */
  static boolean isRequest(CommandMessage command) {
    try {
      return ModuleOutput.decode(command.payload()).entryId() == 4;
    } catch (Exception e) {
      return false;
    }
  }
}
