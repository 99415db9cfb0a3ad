package dev.aex.module.runtime;

import dev.aex.module.testing.TestDeployer;
import dev.aex.module.testing.ModuleClient;
import static dev.aex.module.runtime.SecureRuntimeTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.secure.PendingRequest;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.crypto.secure.Sender;
import dev.aex.testkit.Mutations;
import dev.aex.wire.Bytes;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad message gets its error code, and after each one a good event still reaches
 * the module.
 */
class RejectionTest {
  private static final int GOOD_CONN = 1;

  private final Harness harness = new Harness();
  private final TestModule module = new TestModule();
  private final TestDeployer deployer = new TestDeployer(SymmetricKey.random16());
  private final SymmetricKey goodKey = SymmetricKey.random16();
  private final Sender goodSender = SecureAesGcm.create(goodKey).newSender();
  private int port;

  @BeforeEach
  void start() {
    port = harness.start(module, deployer.moduleKey).port();
    assertThat(call(0, deployer.setKey(2, GOOD_CONN, TestModule.IN_RECORD, goodKey)))
        .isEqualTo(ResultCode.OK);
  }

  @AfterEach
  void close() throws Exception {
    byte[] frame = goodSender.seal(TestDeployer.ad(3, GOOD_CONN), bytes("still here"));
    assertThat(call(3, TestDeployer.eventArgs(GOOD_CONN, frame))).isEqualTo(ResultCode.OK);
    assertThat(module.nextInput()).isEqualTo(bytes("still here"));
    harness.close();
  }

  @Test
  void setKeyUnderAnotherModuleKey() {
    byte[] forged = new TestDeployer(SymmetricKey.random16()).setKey(2, 2, 0, SymmetricKey.random16());
    assertThat(call(0, forged)).isEqualTo(ResultCode.CRYPTO_ERROR);
  }

  @Test
  void replayedSetKey() {
    byte[] setKey = deployer.setKey(2, 2, TestModule.IN_RECORD, SymmetricKey.random16());
    assertThat(call(0, setKey)).isEqualTo(ResultCode.OK);
    assertThat(call(0, setKey)).isEqualTo(ResultCode.CRYPTO_ERROR);
  }

  @Test
  void setKeyWithEveryBitFlipped() {
    byte[] setKey = deployer.setKey(2, 2, TestModule.IN_RECORD, SymmetricKey.random16());
    try (ModuleClient client = ModuleClient.connect(port)) {
      for (Mutations.Mutation mutation : Mutations.bitFlips(setKey)) {
        assertThat(client.send(0, mutation.bytes()).code()).as(mutation.description())
            .isEqualTo(ResultCode.CRYPTO_ERROR);
      }
    }
  }

  @Test
  void replayedEvent() {
    byte[] frame = goodSender.seal(TestDeployer.ad(3, GOOD_CONN), bytes("once"));
    assertThat(call(3, TestDeployer.eventArgs(GOOD_CONN, frame))).isEqualTo(ResultCode.OK);
    assertThat(call(3, TestDeployer.eventArgs(GOOD_CONN, frame))).isEqualTo(ResultCode.CRYPTO_ERROR);
    assertThat(module.received.poll()).isEqualTo(bytes("once"));
    assertThat(module.received).isEmpty();
  }

  @Test
  void tamperedEventFrames() {
    byte[] frame = goodSender.seal(TestDeployer.ad(3, GOOD_CONN), bytes("data"));
    try (ModuleClient client = ModuleClient.connect(port)) {
      for (Mutations.Mutation mutation : Mutations.of(frame)) {
        assertThat(client.send(3, TestDeployer.eventArgs(GOOD_CONN, mutation.bytes())).code())
            .as(mutation.description())
            .isEqualTo(ResultCode.CRYPTO_ERROR);
      }
    }
    assertThat(module.received).isEmpty();
  }

  @Test
  void eventSealedForAnotherConnection() {
    byte[] frame = goodSender.seal(TestDeployer.ad(3, 2), bytes("elsewhere"));
    assertThat(call(3, TestDeployer.eventArgs(GOOD_CONN, frame))).isEqualTo(ResultCode.CRYPTO_ERROR);
  }

  @Test
  void truncatedArgs() {
    assertThat(ModuleClient.raw(port, new byte[] {0, 1, 0}).code())
        .isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
    assertThat(call(3, new byte[] {0})).isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
    assertThat(call(4, new byte[0])).isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
    byte[] setKey = deployer.setKey(2, 2, 0, SymmetricKey.random16());
    assertThat(call(0, Arrays.copyOf(setKey, 44))).isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
    assertThat(call(1, new byte[39])).isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
    assertThat(call(2, new byte[23])).isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
  }

  @Test
  void oversizedArgs() {
    byte[] setKey = deployer.setKey(2, 2, 0, SymmetricKey.random16());
    assertThat(call(0, Arrays.copyOf(setKey, 46))).isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
    assertThat(call(1, new byte[41])).isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
    assertThat(call(2, new byte[25])).isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
  }

  @Test
  void frameCutShortGetsIllegalPayloadAndTheConnectionIsClosed() {
    try (ModuleClient client = ModuleClient.connect(port)) {
      byte[] header = {(byte) 0xff, (byte) 0xff, 0, 5, 1, 2, 3};
      assertThat(client.sendAndShutdown(header).code()).isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
      assertThat(client.closedByModule()).isTrue();
    }
  }

  @Test
  void outputLargerThanAFrameIsRefusedWithTheLimit() {
    call(0, deployer.setKey(2, 3, TestModule.OUT, SymmetricKey.random16()));
    ResultMessage reply = ModuleClient.call(port, TestModule.E_SEND, new byte[65508]);
    assertThat(reply.code()).isEqualTo(ResultCode.GENERIC_ERROR);
    assertThat(new String(reply.payload().toByteArray(), StandardCharsets.UTF_8))
        .contains("65508 bytes", "at most 65507", "65531");
    harness.em.assertNothingWithin(Duration.ofMillis(100));
    assertThat(ModuleClient.call(port, TestModule.E_SEND, new byte[65507])).isEqualTo(ok());
    assertThat(harness.em.next().payload().size()).isEqualTo(65535);
  }

  @Test
  void unknownConnection() {
    byte[] frame = goodSender.seal(TestDeployer.ad(3, 77), bytes("x"));
    assertThat(call(3, TestDeployer.eventArgs(77, frame))).isEqualTo(ResultCode.BAD_REQUEST);
    assertThat(call(4, TestDeployer.eventArgs(77, frame))).isEqualTo(ResultCode.BAD_REQUEST);
  }

  @Test
  void eventOnAConnectionOfAnotherKind() {
    call(0, deployer.setKey(2, 3, TestModule.OUT, SymmetricKey.random16()));
    byte[] frame = new byte[40];
    assertThat(call(3, TestDeployer.eventArgs(3, frame))).isEqualTo(ResultCode.BAD_REQUEST);
    assertThat(call(4, TestDeployer.eventArgs(GOOD_CONN, frame))).isEqualTo(ResultCode.BAD_REQUEST);
  }

  @Test
  void unknownEntries() {
    assertThat(call(99, new byte[0])).isEqualTo(ResultCode.BAD_REQUEST);
    assertThat(call(0xffff, bytes("x"))).isEqualTo(ResultCode.BAD_REQUEST);
  }

  @Test
  void inputOrHandlerIdTheModuleDoesNotHave() {
    assertThat(eventAndRequest(TestModule.IN_MISSING, TestModule.H_MISSING))
        .containsExactly(ResultCode.BAD_REQUEST, ResultCode.INTERNAL_ERROR);
  }

  @Test
  void legacyLayoutsWithoutTheLegacyFlag() {
    SymmetricKey key = deployer.moduleKey;
    byte[] legacySetKey = TestDeployer.legacySetKey(key, 0, 2, 0, 0, SymmetricKey.random16());
    assertThat(call(0, legacySetKey)).isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
    assertThat(call(2, TestDeployer.legacyDisable(key, 0))).isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
    assertThat(call(1, new byte[] {0, 4, 1, 2, 3, 4})).isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
  }

  @Test
  void zeroIvAesConnectionWithoutTheLegacyFlag() {
    assertThat(call(0, deployer.setKey(0, 2, 0, SymmetricKey.random16())))
        .isEqualTo(ResultCode.CRYPTO_ERROR);
  }

  @Test
  void unknownEncryptionType() {
    assertThat(call(0, deployer.setKey(7, 2, 0, SymmetricKey.random16())))
        .isEqualTo(ResultCode.CRYPTO_ERROR);
  }

  @Test
  void userExceptionsBecomeInternalErrors() {
    assertThat(eventAndRequest(TestModule.IN_THROW, TestModule.H_THROW))
        .containsExactly(ResultCode.INTERNAL_ERROR, ResultCode.INTERNAL_ERROR);
    assertThat(call(TestModule.E_THROW, new byte[0])).isEqualTo(ResultCode.INTERNAL_ERROR);
  }

  /**
   * A user exception's message and stack trace may quote decrypted data: above DEBUG the warning
   * names its class only, and how to see more.
   */
  @Test
  void aUserExceptionsMessageAndTraceAreNotLoggedAboveDebug() {
    try (LogCapture log = new LogCapture(Level.INFO)) {
      assertThat(call(TestModule.E_THROW, new byte[0])).isEqualTo(ResultCode.INTERNAL_ERROR);

      assertThat(log.records()).allSatisfy(record -> assertThat(record.getThrown()).isNull());
      assertThat(log.messages()).noneMatch(message -> message.contains("failed on purpose"));
      assertThat(log.messages()).first().asString()
          .startsWith("module test_module: entry throw_entry (7) threw"
              + " java.lang.IllegalArgumentException")
          .contains("AEX_MODULE_LOG=debug");
    }
  }

  /** At DEBUG (AEX_MODULE_LOG=debug) the warning carries the exception: message and trace. */
  @Test
  void atDebugTheWarningCarriesTheUserException() {
    try (LogCapture log = new LogCapture(Level.FINE)) {
      assertThat(call(TestModule.E_THROW, new byte[0])).isEqualTo(ResultCode.INTERNAL_ERROR);

      assertThat(log.records()).first().satisfies(record -> {
        assertThat(record.getLevel()).isEqualTo(Level.WARNING);
        assertThat(record.getMessage())
            .isEqualTo("module test_module: entry throw_entry (7) threw");
        assertThat(record.getThrown()).hasMessage("entry failed on purpose");
      });
    }
  }

  /**
   * An event manager's log holds the lines of several modules with the same endpoint numbers: each
   * line names the module and the endpoint.
   */
  @Test
  void aThrowingInputIsLoggedByTheModulesAndTheInputsNames() {
    try (LogCapture log = new LogCapture(Level.INFO)) {
      assertThat(event(TestModule.IN_THROW)).isEqualTo(ResultCode.INTERNAL_ERROR);

      assertThat(log.messages()).containsExactly(
          "module test_module: entry set_key (0): installed connection 4 (input boom (1),"
              + " SECURE_AES(2))",
          "module test_module: input boom (1) threw java.lang.IllegalStateException (its message"
              + " and stack trace may hold data: AEX_MODULE_LOG=debug in the event manager's"
              + " environment logs them)",
          "module test_module: rejected entry handle_input (3): INTERNAL_ERROR(3) (input boom (1)"
              + " threw java.lang.IllegalStateException); 1 rejected so far");
    }
  }

  @Test
  void aHandlerThatReturnsNullIsLoggedByTheModulesAndTheHandlersNames() {
    try (LogCapture log = new LogCapture(Level.INFO)) {
      assertThat(request(TestModule.H_NULL)).isEqualTo(ResultCode.INTERNAL_ERROR);

      assertThat(log.messages()).containsExactly(
          "module test_module: entry set_key (0): installed connection 5 (handler null_answer"
              + " (49155), SECURE_AES(2))",
          "module test_module: rejected entry handle_handler (4): INTERNAL_ERROR(3) (handler"
              + " null_answer (49155) returned null); 1 rejected so far");
    }
  }

  /** The limit was in the log without saying what it is; the module keeps serving. */
  @Test
  void aReplyLongerThanOneMessageIsLoggedWithTheLimit() {
    try (LogCapture log = new LogCapture(Level.INFO)) {
      assertThat(request(TestModule.H_BIG)).isEqualTo(ResultCode.INTERNAL_ERROR);

      assertThat(log.messages()).contains(
          "module test_module: rejected entry handle_handler (4): INTERNAL_ERROR(3) (handler"
              + " big_answer (49156) answered 70000 bytes; one reply holds at most 65511 on this"
              + " connection: answer in parts); 1 rejected so far");
    }
    assertThat(request(TestModule.H_ECHO)).isEqualTo(ResultCode.OK);
  }

  /** Ids a peer sends that the manifest lacks have no name: the log says they are unknown. */
  @Test
  void idsTheModuleDoesNotHaveAreLoggedAsUnknown() {
    try (LogCapture log = new LogCapture(Level.INFO)) {
      event(TestModule.IN_MISSING);
      request(TestModule.H_MISSING);
      call(99, new byte[0]);

      assertThat(log.messages()).containsExactly(
          "module test_module: entry set_key (0): installed connection 4 (unknown input 7,"
              + " SECURE_AES(2))",
          "module test_module: rejected entry handle_input (3): BAD_REQUEST(4) (unknown input 7:"
              + " not in the module's manifest); 1 rejected so far",
          "module test_module: entry set_key (0): installed connection 5 (unknown handler 49160,"
              + " SECURE_AES(2))",
          "module test_module: rejected entry handle_handler (4): INTERNAL_ERROR(3) (unknown"
              + " handler 49160: not in the module's manifest); 2 rejected so far",
          "module test_module: rejected unknown entry 99: BAD_REQUEST(4) (unknown entry 99: not in"
              + " the module's manifest); 3 rejected so far");
    }
  }

  /**
   * An Error that user code can cause fails that call only: the connection stays open for the
   * next message (an event manager would otherwise resend it, and drop what it had pipelined).
   */
  @Test
  void aLinkageErrorInUserCodeFailsOnlyThatCall() {
    try (ModuleClient client = ModuleClient.connect(port)) {
      assertThat(client.send(TestModule.E_LINKAGE, new byte[0]).code())
          .isEqualTo(ResultCode.INTERNAL_ERROR);
      assertThat(client.send(TestModule.E_ECHO, bytes("next"))).isEqualTo(
          new ResultMessage(ResultCode.OK, Bytes.of(bytes("next"))));
    }
  }

  /** Keys connection 4 to {@code inputId} and 5 to {@code handlerId}; one good message each. */
  private List<ResultCode> eventAndRequest(int inputId, int handlerId) {
    return List.of(event(inputId), request(handlerId));
  }

  /** Keys connection 4 to {@code inputId} and sends it one good event. */
  private ResultCode event(int inputId) {
    SymmetricKey key = SymmetricKey.random16();
    call(0, deployer.setKey(2, 4, inputId, key));
    byte[] event = SecureAesGcm.create(key).newSender().seal(TestDeployer.ad(3, 4), bytes("x"));
    return call(3, TestDeployer.eventArgs(4, event));
  }

  /** Keys connection 5 to {@code handlerId} and sends it one good request. */
  private ResultCode request(int handlerId) {
    SymmetricKey key = SymmetricKey.random16();
    call(0, deployer.setKey(2, 5, handlerId, key));
    PendingRequest request =
        SecureAesGcm.create(key).newSender().sealRequest(TestDeployer.ad(4, 5), bytes("x"));
    return call(4, TestDeployer.eventArgs(5, request.frame()));
  }

  @Test
  void disableUnderAnotherKeyKeepsTheConnections() {
    assertThat(call(2, new TestDeployer(SymmetricKey.random16()).disable()))
        .isEqualTo(ResultCode.CRYPTO_ERROR);
  }

  private ResultCode call(int entry, byte[] args) {
    return ModuleClient.call(port, entry, args).code();
  }

  private static ResultMessage ok() {
    return new ResultMessage(ResultCode.OK, Bytes.empty());
  }
}
