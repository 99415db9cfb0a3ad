package dev.aex.deployer.internal;

/** What to do, for failures that several steps share. */
final class Hints {
  /**
   * After an event manager answered InternalError for a module: most often the module is gone.
   * An event manager that was restarted has lost its modules, and only a reset makes the result
   * file say so.
   */
  static final String MODULE_NOT_REACHED = "Is the module still running? An event manager"
      + " restarted since the deploy has lost its modules: reset, then deploy again. The event"
      + " manager's log says why the module was not reached";

  /**
   * After InternalError for a message to module code ({@code code}: "The handler", "The entry"),
   * which has two more causes: the code threw, or did not answer within the event manager's
   * module timeout.
   */
  static String codeFailedOrModuleNotReached(String code) {
    return code + " threw or did not answer in time, or the module is not running: an event"
        + " manager restarted since the deploy has lost its modules (reset, then deploy again)."
        + " The event manager's log says which";
  }

  private Hints() {}
}
