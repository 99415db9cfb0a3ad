package dev.aex.module.runtime;

import dev.aex.module.testing.TestDeployer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.crypto.secure.Sender;
import dev.aex.wire.Bytes;
import dev.aex.wire.ResultCode;
import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever arrives, the dispatcher answers without throwing, and good events still work after. */
class DispatcherPropertyTest {
  private final TestModule module = new TestModule();
  private final TestDeployer deployer = new TestDeployer(SymmetricKey.random16());
  private final SymmetricKey key = SymmetricKey.random16();
  private final Sender sender = SecureAesGcm.create(key).newSender();
  private final EntryDispatcher dispatcher;

  DispatcherPropertyTest() {
    ConnectionTable table = new ConnectionTable();
    Deployment deployment = Deployment.of(1, 5000, deployer.moduleKey).withOriginalControl();
    ModuleNames names = new ModuleNames(module.manifest());
    Ports ports = new Ports(new Outputs(table, new EmLink(1, deployment.requestTimeout()), names),
        new Requests(table, new EmLink(1, deployment.requestTimeout()), deployment.requestTimeout()));
    dispatcher = ModuleRuntime.dispatcher(
        deployment, module.manifest(), names, table, module.create(ports));
    ResultCode setKey = dispatcher.dispatch(payload(0, deployer.setKey(2, 1, 0, key))).code();
    assertThat(setKey).isEqualTo(ResultCode.OK);
  }

  @Property(tries = 500)
  void anyPayloadGetsAnAnswerAndTheModuleKeepsServing(
      @ForAll @IntRange(min = 0, max = 4) int entryId,
      @ForAll @Size(max = 80) byte[] args) throws Exception {
    assertThat(dispatcher.dispatch(payload(entryId, args))).isNotNull();

    byte[] frame = sender.seal(TestDeployer.ad(3, 1), new byte[] {7});
    assertThat(dispatcher.dispatch(payload(3, TestDeployer.eventArgs(1, frame))).code())
        .isEqualTo(ResultCode.OK);
    assertThat(module.nextInput()).containsExactly(7);
  }

  @Property(tries = 200)
  void payloadsShorterThanAnEntryIdAreIllegal(@ForAll @Size(max = 1) byte[] payload) {
    assertThat(dispatcher.dispatch(Bytes.of(payload)).code()).isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
  }

  private static Bytes payload(int entryId, byte[] args) {
    return Bytes.of(ByteBuffer.allocate(2 + args.length).putShort((short) entryId).put(args).array());
  }
}
