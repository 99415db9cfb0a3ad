import dev.aex.module.Input;
import dev.aex.module.Module;

@Module
public final class Broken {
  @Input
  int notAnInput(String data) {
    return 0;
  }
}
