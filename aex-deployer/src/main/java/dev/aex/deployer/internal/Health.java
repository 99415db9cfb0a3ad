package dev.aex.deployer.internal;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.ModuleHealth;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.SgxModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    // Sealed one by one before any is sent: a counter that cannot be taken or recorded (a full
    // disk, a ledger that cannot be written) fails status once, saying that nothing was sent; it
    // made every module look as if it did not answer, with advice to update them all.
    Map<String, Challenge.Sealed> sealed = new LinkedHashMap<>();
    for (Module m : modules) {
      if (challenged(ctx, m)) {
        sealed.put(m.name(), Challenge.seal(ctx, ModuleSlot.inState(ctx.state(), m.name()),
            "status"));
      }
    }
    Map<String, ModuleHealth> found = new ConcurrentHashMap<>();
    Parallel.each(modules, false,
        m -> found.put(m.name(), check(ctx, m, Optional.ofNullable(sealed.get(m.name())))));
    return modules.stream().map(m -> found.get(m.name())).toList();
  }

  /**
   * Whether {@code m} gets a challenge: a deployed aex module with a key; an SGX one only once
   * attested, since its key is agreed with the enclave then (after a reset and deploy, the key in
   * the result is the previous enclave's, and the new one refused it as if the file were stale).
   */
  private static boolean challenged(Context ctx, Module m) {
    boolean keyed = m instanceof SgxModule ? m.common().attested() && m.key().isPresent()
        : ctx.workspace().isAex(m) && m.key().isPresent();
    return m.common().deployed() && keyed;
  }

  private static ModuleHealth check(Context ctx, Module m, Optional<Challenge.Sealed> sealed) {
    if (!m.common().deployed()) {
      return new ModuleHealth.NotDeployed(m.name());
    }
    if (sealed.isEmpty()) {
      return new ModuleHealth.NotChecked(m.name(), m instanceof SgxModule
          ? "not attested yet: no key agreed with this enclave to challenge"
          : "an original module: it answers no aex challenge");
    }
    Challenge challenge;
    try {
      challenge = sealed.get().send(ctx);
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
