package dev.aex.crypto.secure;

/**
 * A sender used all 2^63 - 1 counters of its key. Nothing more can be sent under that key without
 * reusing an IV: re-key the connection (a new set_key) and use the new key's sender.
 */
public final class CounterExhaustedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  CounterExhaustedException() {
    super("counter exhausted: 2^63 - 1 messages were sent under this key; re-key the connection");
  }
}
