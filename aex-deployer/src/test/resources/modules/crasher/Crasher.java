import dev.aex.module.Input;
import dev.aex.module.Module;

/** A module that dies while starting, for the deployer's "module crashes at start" test. */
@Module("crasher")
public final class Crasher {
  public Crasher() {
    throw new IllegalStateException("crash at start on purpose");
  }

  @Input
  void nothing(byte[] data) {}
}
