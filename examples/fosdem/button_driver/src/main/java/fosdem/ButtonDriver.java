package fosdem;

import dev.aex.module.Input;
import dev.aex.module.Module;
import dev.aex.module.Output;
import dev.aex.module.OutputPort;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The button of the FOSDEM demo. There is no real button on a native node: the direct connection
 * {@code trigger-btn} stands in for it, and each event on it is one press.
 */
@Module
public final class ButtonDriver {
  private static final Logger LOG = System.getLogger("button_driver");

  @Output OutputPort buttonPressed;

  @Input
  void triggerButtonPress(byte[] data) {
    LOG.log(Level.INFO, "Button has been pressed, sending output");
    buttonPressed.send(new byte[0]);
  }
}
