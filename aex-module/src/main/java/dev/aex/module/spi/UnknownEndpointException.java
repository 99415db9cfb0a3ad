package dev.aex.module.spi;

/** An id that names no input, handler or entry of this module (the runtime answers BadRequest). */
public final class UnknownEndpointException extends Exception {
  private static final long serialVersionUID = 1L;

  public UnknownEndpointException(String kind, int id) {
    super("no " + kind + " with id " + id + " in this module");
  }
}
