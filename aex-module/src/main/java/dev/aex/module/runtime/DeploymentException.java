package dev.aex.module.runtime;

/**
 * The deployment data stamped into a module is missing or invalid. The message names the property
 * and the value found (except for {@code module.key}, whose value is never shown).
 */
public final class DeploymentException extends ModuleStartException {
  private static final long serialVersionUID = 1L;

  public DeploymentException(String message) {
    super(message);
  }
}
