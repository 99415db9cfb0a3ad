import dev.aex.module.Handler;
import dev.aex.module.Module;
import shout.Upper;

@Module
public final class Shout {
  @Handler
  byte[] shout(byte[] data) {
    return Upper.of(data);
  }
}
