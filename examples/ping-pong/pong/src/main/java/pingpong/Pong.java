package pingpong;

import dev.aex.module.Input;
import dev.aex.module.Module;
import dev.aex.module.Output;
import dev.aex.module.OutputPort;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Answers every ping with a pong carrying the same bytes. */
@Module
public final class Pong {
  private static final Logger LOG = System.getLogger("pong");

  @Output OutputPort sendPong;

  @Input
  void recvPing(byte[] data) {
    LOG.log(Level.INFO, "received ping with data size: " + data.length);
    sendPong.send(data);
  }
}
