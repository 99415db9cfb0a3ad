package dev.aex.em.internal.routing;

import java.io.IOException;

/**
 * An event written to a module whose connection ended before its reply came. The module may have
 * read it, and a module that was only slow handles it late; so it is reported as unconfirmed,
 * once for all the events of that connection ({@link ModulePipe}), not as dropped.
 */
final class UnansweredEvent extends IOException {
  private static final long serialVersionUID = 1L;

  UnansweredEvent(String message, Throwable cause) {
    super(message, cause);
  }
}
