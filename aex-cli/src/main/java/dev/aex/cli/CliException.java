package dev.aex.cli;

/**
 * A command failed for a reason the user can act on; the CLI prints {@code ERROR: <message>} and
 * exits with status 1, without a stack trace unless {@code --debug}.
 */
final class CliException extends Exception {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
