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
    Map<String, ModuleHealth> found = new ConcurrentHashMap<>();
    Parallel.each(modules, false, m -> found.put(m.name(), check(ctx, m)));
    return modules.stream().map(m -> found.get(m.name())).toList();
  }

  private static ModuleHealth check(Context ctx, Module m) {
    if (!m.common().deployed()) {
      return new ModuleHealth.NotDeployed(m.name());
    }
    boolean aex = m instanceof SgxModule || ctx.workspace().isAex(m);
    if (!aex || m.key().isEmpty()) {
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
