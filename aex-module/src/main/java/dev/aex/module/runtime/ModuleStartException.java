package dev.aex.module.runtime;

/**
 * A module could not start: a bad deployment, a missing or ambiguous module, a constructor that
 * threw, or a port that cannot be bound. The message says which and names the value; it never
 * holds key material.
 */
public class ModuleStartException extends Exception {
  private static final long serialVersionUID = 1L;

  public ModuleStartException(String message) {
    super(message);
  }

  public ModuleStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
