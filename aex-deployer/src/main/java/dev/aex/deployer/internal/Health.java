package dev.aex.deployer.internal;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.ModuleHealth;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.SgxModule;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks every deployed aex module for a fresh challenge under the recorded key, concurrently: the
 * one question that shows a module both runs and is the one the result file deployed. Its
 * counter is recorded, as any other control message's.
 */
final class Health {
  private Health() {}

  static List<ModuleHealth> of(Context ctx) throws DeployerException {
    List<Module> modules = ctx.state().get().modules();
    if (modules.stream().anyMatch(m -> challenged(ctx, m))) {
      requireRecordable(ctx);
    }
    Map<String, ModuleHealth> found = new ConcurrentHashMap<>();
    Parallel.each(modules, false, m -> found.put(m.name(), check(ctx, m)));
    return modules.stream().map(m -> found.get(m.name())).toList();
  }

  /** Whether {@code m} gets a challenge: a deployed aex module with a key. */
  private static boolean challenged(Context ctx, Module m) {
    boolean aex = m instanceof SgxModule || ctx.workspace().isAex(m);
    return m.common().deployed() && aex && m.key().isPresent();
  }

  /**
   * Saves the state as it is before any challenge: each challenge's counter must be recorded
   * before it is sent, and a result that cannot be written (a full disk) made every module look
   * as if it did not answer, with advice to update them all.
   */
  private static void requireRecordable(Context ctx) throws DeployerException {
    try {
      ctx.state().update(d -> d);
    } catch (DeployerException e) {
      String why = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
      throw new DeployerException("status: cannot write the result file (" + why + "), where the"
          + " counter of each challenge must be recorded before it is sent: nothing was sent."
          + " Free some space or fix the permissions, then run status again", e);
    }
  }

  private static ModuleHealth check(Context ctx, Module m) {
    if (!m.common().deployed()) {
      return new ModuleHealth.NotDeployed(m.name());
    }
    if (!challenged(ctx, m)) {
      return new ModuleHealth.NotChecked(m.name(), m instanceof SgxModule
          ? "not attested yet: it has no key to challenge"
          : "an original module: it answers no aex challenge");
    }
    Challenge challenge;
    try {
      challenge = Challenge.send(ctx, ModuleSlot.inState(ctx.state(), m.name()), "status");
    } catch (DeployerException e) {
      return new ModuleHealth.NotAnswering(m.name(), e.getMessage());
    }
    try {
      challenge.check();
      return new ModuleHealth.Answers(m.name());
    } catch (DeployerException e) {
      return challenge.refused() ? new ModuleHealth.Refuses(m.name(), e.getMessage())
          : new ModuleHealth.NotAnswering(m.name(), e.getMessage());
    }
  }
}
