package fosdem;

import dev.aex.module.Input;
import dev.aex.module.Module;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** The LED of the FOSDEM demo: a native node has no LED, so it logs its state instead. */
@Module
public final class LedDriver {
  private static final Logger LOG = System.getLogger("led_driver");

  private boolean on;

  @Input
  void toggleLed(byte[] data) {
    on = !on;
    LOG.log(Level.INFO, "LED is now " + (on ? "on" : "off"));
  }
}
