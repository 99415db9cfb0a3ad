package dev.aex.wire.kept;

import dev.aex.wire.CommandMessage;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * The events an {@link EventStream} wrote and the peer has not acknowledged yet, in send order,
 * with the bytes they hold: a window counted in events alone would let a module with 64 MiB of
 * heap hold 1024 events of 64 KiB each for a peer that stopped acknowledging. Not thread-safe:
 * the stream's lock guards it.
 */
final class UnackedEvents implements Iterable<CommandMessage> {
  private final ArrayDeque<CommandMessage> events = new ArrayDeque<>();
  private long bytes;

  void addLast(CommandMessage event) {
    events.addLast(event);
    bytes += event.payload().size();
  }

  /** The oldest event, removed; null if there is none (as {@link ArrayDeque#pollFirst}). */
  CommandMessage pollFirst() {
    CommandMessage event = events.pollFirst();
    if (event != null) {
      bytes -= event.payload().size();
    }
    return event;
  }

  void clear() {
    events.clear();
    bytes = 0;
  }

  int size() {
    return events.size();
  }

  boolean isEmpty() {
    return events.isEmpty();
  }

  /** The events held, in send order. */
  List<CommandMessage> toList() {
    return List.copyOf(events);
  }

  /** The payload bytes of the events held. */
  long bytes() {
    return bytes;
  }

  @Override
  public Iterator<CommandMessage> iterator() {
    return events.iterator();
  }
}
