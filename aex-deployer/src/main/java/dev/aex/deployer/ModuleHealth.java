package dev.aex.deployer;

/**
 * Whether a module the result records runs as recorded ({@link Deployer#health()}).
 *
 * <pre>{@code
 * for (ModuleHealth health : deployer.health()) {
 *   if (health instanceof ModuleHealth.NotAnswering n) {
 *     System.err.println(n.module() + ": " + n.problem());
 *   }
 * }
 * }</pre>
 */
public sealed interface ModuleHealth {
  /** The module's name. */
  String module();

  /** The result records the module as not deployed: nothing was asked. */
  record NotDeployed(String module) implements ModuleHealth {}

  /** The module answered a fresh challenge sealed under the recorded module key. */
  record Answers(String module) implements ModuleHealth {}

  /** Deployed, but not checked: {@code reason} says why (an original module has no challenge). */
  record NotChecked(String module, String reason) implements ModuleHealth {}

  /** Deployed, but it did not answer the challenge as recorded: {@code problem} says what to do. */
  record NotAnswering(String module, String problem) implements ModuleHealth {}

  /**
   * It runs, but refused the challenge under this result file's counter or key (CryptoError):
   * another copy of the file has talked to it since, or another result file deployed it; {@code
   * problem} says which file to use.
   */
  record Refuses(String module, String problem) implements ModuleHealth {}
}
