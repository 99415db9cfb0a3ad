package dev.aex.deployer.internal;

import dev.aex.wire.ResultCode;

/** What to do, for failures that several steps share. */
final class Hints {
  /**
   * After an event manager answered InternalError for a module: most often the module is gone,
   * or its event manager was restarted and lost its modules. An update brings each back.
   */
  static final String MODULE_NOT_REACHED = "Is the module still running? update brings back a"
      + " module that died; the modules of an event manager restarted since the deploy come back"
      + " updated together (update --module A --module B ...; status lists them). The event"
      + " manager's log says why the module was not reached";

  /**
   * What an answer other than Ok says: InternalError is most often the event manager's own, for
   * a module it could not reach, so it is not put in the module's mouth.
   */
  static String answered(ResultCode code) {
    return code == ResultCode.INTERNAL_ERROR
        ? "the answer was " + code + " (the event manager's, when it cannot reach the module; or"
            + " the module's, when it failed)"
        : "the module answered " + code;
  }

  /**
   * After InternalError for a message to module code ({@code code}: "The handler", "The entry"),
   * which has three more causes: the code threw, answered more than one message holds, or did not
   * answer within the event manager's module timeout.
   */
  static String codeFailedOrModuleNotReached(String code) {
    return code + " threw, answered more than one message holds, or did not answer in time; or"
        + " the module is not running (update brings it back). The event manager's log says which";
  }

  private Hints() {}
}
