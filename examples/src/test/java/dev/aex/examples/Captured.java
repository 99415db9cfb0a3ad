package dev.aex.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.secure.Receiver;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.module.testing.FakeEm;
import dev.aex.module.testing.TestDeployer;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.payload.ModuleOutput;

/** What a module sent its (fake) event manager, opened as the connection's other end would. */
final class Captured {
  private Captured() {}

  /** The next ModuleOutput the module sent; fails after 5 s. */
  static ModuleOutput next(FakeEm em) throws Exception {
    CommandMessage command = em.next();
    assertThat(command.code()).isEqualTo(CommandCode.MODULE_OUTPUT);
    return ModuleOutput.decode(command.payload());
  }

  /** Opens an output event (entry 3) with the receiver of its connection. */
  static byte[] open(Receiver receiver, ModuleOutput output) throws Exception {
    assertThat(output.entryId()).as("entry of an output event").isEqualTo(3);
    return receiver.open(TestDeployer.ad(3, output.connId()), output.data().encode().toByteArray());
  }

  static Receiver receiver(SymmetricKey key) {
    return SecureAesGcm.create(key).newReceiver();
  }
}
