package dev.aex.wire;

/**
 * What an aex event manager tells the native modules it starts through their environment, besides
 * {@link LocalTransport#FOLDER_VARIABLE} (aex-em/README.md, "Module connections"). Original
 * modules ignore it.
 */
public final class ModuleEnvironment {
  /**
   * Set to {@code 1} by an event manager that holds the module's stdin open for as long as it
   * runs: an aex module then stops when its stdin ends, so it does not outlive an event manager
   * that died without stopping it (killed, crashed) and keep its port from the next one.
   */
  public static final String EXIT_WITH_STDIN = "AEX_EXIT_WITH_STDIN";

  private ModuleEnvironment() {}

  /** Whether {@code value}, the variable's value or null, asks a module to stop with its stdin. */
  public static boolean exitsWithStdin(String value) {
    return "1".equals(value);
  }
}
