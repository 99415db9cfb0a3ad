package dev.aex.module;

/**
 * Sends events on one output. (architecture.md sketches the field type as {@code Output}; Java
 * cannot have the annotation and the port share a name in one package, hence {@code OutputPort}.)
 */
public interface OutputPort {
  /**
   * Encrypts {@code data} for every connection of this output and hands each event to the event
   * manager. Returns once the events are handed over; delivery is not confirmed (the protocol has
   * no acknowledgement for outputs). An output with no connection sends nothing.
   *
   * @throws IllegalArgumentException if {@code data} is larger than an event can carry
   */
  void send(byte[] data);
}
