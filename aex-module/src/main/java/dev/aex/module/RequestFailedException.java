package dev.aex.module;

/** A request got no valid answer; {@link #reason()} says why. */
public final class RequestFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a request failed. */
  public enum Reason {
    /** The deployer has not connected this request to a handler (or disabled the module). */
    NOT_CONNECTED,
    /** The event manager or the handler's module answered with an error code. */
    ERROR_REPLY,
    /** The answer did not authenticate: changed, replayed, or under another key. */
    BAD_RESPONSE,
    /** No answer within the request timeout. */
    TIMEOUT,
    /** The local event manager could not be reached. */
    UNREACHABLE
  }

  private final Reason reason;

  public RequestFailedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
