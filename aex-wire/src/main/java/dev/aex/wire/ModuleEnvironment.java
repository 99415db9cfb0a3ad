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

  /**
   * The level an aex module logs at: {@code off}, {@code error}, {@code warn}, {@code info} (the
   * default), {@code debug} or {@code trace}, as an event manager's {@code EM_LOG}. An event
   * manager does not set it: modules inherit it from the event manager's environment. At {@code
   * debug} a module also logs the message and stack trace of an exception thrown by its code,
   * which may quote decrypted data: never on a node whose log others read.
   */
  public static final String LOG = "AEX_MODULE_LOG";

  private ModuleEnvironment() {}

  /** Whether {@code value}, the variable's value or null, asks a module to stop with its stdin. */
  public static boolean exitsWithStdin(String value) {
    return "1".equals(value);
  }
}
