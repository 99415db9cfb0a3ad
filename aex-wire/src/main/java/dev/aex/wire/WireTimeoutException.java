package dev.aex.wire;

import java.net.SocketTimeoutException;

/**
 * A peer did not send, or did not accept a connection, within the time allowed. The message names
 * the frame and field being read, how far it got and the timeout, e.g. {@code ResultMessage length:
 * 1 of 2 bytes within 500 ms}. The cause is the {@link SocketTimeoutException} behind it.
 */
public final class WireTimeoutException extends WireException {
  private static final long serialVersionUID = 1L;

  public WireTimeoutException(String message, SocketTimeoutException cause) {
    super(message, cause);
  }
}
