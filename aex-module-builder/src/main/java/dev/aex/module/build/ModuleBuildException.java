package dev.aex.module.build;

/**
 * A module folder could not be built. The message says what was wrong and where: a compile
 * error with its file and line, a missing folder, a library that could not be resolved.
 */
public final class ModuleBuildException extends Exception {
  private static final long serialVersionUID = 1L;

  public ModuleBuildException(String message) {
    super(message);
  }

  public ModuleBuildException(String message, Throwable cause) {
    super(message, cause);
  }
}
