package dev.aex.wire.kept;

import dev.aex.wire.CommandMessage;
import java.io.IOException;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;

/**
 * The peer is not (or no longer) an aex event manager; the events it did not acknowledge are
 * handed back, for the sender to send another way (one connection each).
 */
public final class NotAexException extends IOException {
  @Serial private static final long serialVersionUID = 1L;
  private final transient List<CommandMessage> unsent;

  public NotAexException(String message) {
    this(message, List.of());
  }

  NotAexException(String message, List<CommandMessage> unsent) {
    super(message);
    this.unsent = List.copyOf(unsent);
  }

  /** The same, with {@code event} handed back after the others. */
  NotAexException with(CommandMessage event) {
    List<CommandMessage> all = new ArrayList<>(unsent);
    all.add(event);
    return new NotAexException(getMessage(), all);
  }

  /** Events given to the stream that this peer did not acknowledge, in send order. */
  public List<CommandMessage> unsent() {
    return unsent;
  }
}
