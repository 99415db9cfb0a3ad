package fosdem;

import dev.aex.module.Input;
import dev.aex.module.Module;
import dev.aex.module.Output;
import dev.aex.module.OutputPort;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** The logic of the FOSDEM demo: each button press toggles the LED and is counted in the db. */
@Module
public final class Controller {
  private static final Logger LOG = System.getLogger("controller");

  @Output OutputPort toggleLed;
  @Output OutputPort incrementPresses;

  @Input
  void buttonPressed(byte[] data) {
    LOG.log(Level.INFO, "Remote button has been pressed");
    toggleLed.send(new byte[0]);
    incrementPresses.send(new byte[0]);
  }
}
