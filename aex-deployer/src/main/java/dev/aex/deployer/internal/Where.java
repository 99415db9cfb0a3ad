package dev.aex.deployer.internal;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.Node;

/**
 * The place of a step, for error messages: {@code "deploy controller on node1 (127.0.0.1:5000)"}.
 *
 * @param step what the deployer was doing, e.g. {@code "attest"}
 * @param subject the module, connection or event it was doing it for
 * @param node the node it talked to, and the port it used
 */
public record Where(String step, String subject, Node node, int port) {
  public static Where at(String step, String subject, Node node) {
    return new Where(step, subject, node, node.address().reactivePort());
  }

  public Where deployPort() {
    return new Where(step, subject, node, node.address().deployPort());
  }

  /** {@code "<step> <subject> on <node> (<host>:<port>): <problem>. <hint>"}. */
  public DeployerException fail(String problem, String hint) {
    return new DeployerException(this + ": " + problem + (hint.isEmpty() ? "" : ". " + hint));
  }

  public DeployerException fail(String problem, String hint, Throwable cause) {
    return new DeployerException(this + ": " + problem + (hint.isEmpty() ? "" : ". " + hint), cause);
  }

  @Override
  public String toString() {
    return step + " " + subject + " on " + node.name() + " (" + node.address().host() + ":" + port + ")";
  }
}
