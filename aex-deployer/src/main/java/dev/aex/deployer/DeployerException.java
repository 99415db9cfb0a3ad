package dev.aex.deployer;

/**
 * An operation of the deployer failed. The message names the node, the module or connection and
 * the step, and says what to do, for example {@code "deploy controller on node1 (127.0.0.1:5000):
 * connection refused. Is the event manager running? Start one with ./aex em --host 127.0.0.1
 * --port 5000"}.
 */
public final class DeployerException extends Exception {
  private static final long serialVersionUID = 1L;

  public DeployerException(String message) {
    super(message);
  }

  public DeployerException(String message, Throwable cause) {
    super(message, cause);
  }
}
