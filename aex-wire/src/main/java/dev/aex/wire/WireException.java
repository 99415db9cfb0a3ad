package dev.aex.wire;

import java.io.IOException;

/**
 * A failure to read or write one reactive-net frame: the bytes were wrong ({@link
 * WireFormatException}) or did not come in time ({@link WireTimeoutException}).
 *
 * <p>After either, the connection is in an unknown position inside a frame and must be closed;
 * since the protocol carries one command per connection (protocol.md §1.1), nothing is lost. Plain
 * {@link IOException}s (connection reset, refused) are not wrapped.
 */
public abstract sealed class WireException extends IOException
    permits WireFormatException, WireTimeoutException {
  private static final long serialVersionUID = 1L;

  WireException(String message, Throwable cause) {
    super(message, cause);
  }
}
