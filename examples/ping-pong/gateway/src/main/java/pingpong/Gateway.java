package pingpong;

import dev.aex.module.Input;
import dev.aex.module.Module;
import dev.aex.module.Output;
import dev.aex.module.OutputPort;

/**
 * A router between ping and pong with two interfaces: what comes in on {@code send_int0} goes out
 * on {@code fw_int0}, and likewise for interface 1. Each hop is decrypted and re-encrypted with the
 * key of its own connection.
 */
@Module
public final class Gateway {
  @Output OutputPort fwInt0;
  @Output OutputPort fwInt1;

  @Input
  void sendInt0(byte[] data) {
    fwInt0.send(data);
  }

  @Input
  void sendInt1(byte[] data) {
    fwInt1.send(data);
  }
}
