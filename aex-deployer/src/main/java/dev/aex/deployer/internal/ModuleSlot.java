package dev.aex.deployer.internal;

import dev.aex.deployer.CounterLedger;
import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.Module;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Where a module's state lives: in the deployment's state (saved on each change), or only in
 * memory, for the clone of an update before it replaces the old module and for the old module
 * after it.
 */
interface ModuleSlot {
  Module get();

  void update(UnaryOperator<Module> change) throws DeployerException;

  /** The monitor that makes reading and advancing the counter one step. */
  Object monitor();

  /** Where the module key's counters come from. */
  Counters counters();

  /**
   * Takes the next module-key counter and records that it is used before returning it, so a
   * message built with it can never be sealed twice with the same counter.
   */
  default long takeNonce(Where where) throws DeployerException {
    synchronized (monitor()) {
      Module now = get();
      return counters().take(now.key().filter(k -> Workspace.builtByAex(now)),
          now.common().nonce(), 1, where, "the module's control counter is used up",
          "Deploy the module again (update) to give it a fresh key",
          next -> update(m -> Modules.withCommon(m, m.common().withNonce(next))));
    }
  }

  /**
   * Gives back a counter of an original module whose message surely never arrived (the
   * connection was refused): such a module accepts only the exact next nonce, so a skipped one
   * would lock the deployer out of it for good. aex modules keep skipped counters skipped.
   */
  default void giveBack(long nonce, DeployerException failure) throws DeployerException {
    if (EmLink.refused(failure)) {
      synchronized (monitor()) {
        if (get().common().nonce() == nonce + 1) {
          update(m -> Modules.withCommon(m, m.common().withNonce(nonce)));
        }
      }
    }
  }

  static ModuleSlot inState(State state, String name) {
    return new ModuleSlot() {
      @Override
      public Module get() {
        return state.module(name);
      }

      @Override
      public void update(UnaryOperator<Module> change) throws DeployerException {
        state.updateModule(name, change);
      }

      @Override
      public Object monitor() {
        return state;
      }

      @Override
      public Counters counters() {
        return state.counters();
      }
    };
  }

  static ModuleSlot inMemory(Module initial) {
    AtomicReference<Module> ref = new AtomicReference<>(initial);
    // an update's instances, whose counters no copy of a result file holds
    Counters counters = Counters.of(CounterLedger.none());
    return new ModuleSlot() {
      @Override
      public Module get() {
        return ref.get();
      }

      @Override
      public void update(UnaryOperator<Module> change) {
        ref.updateAndGet(change);
      }

      @Override
      public Object monitor() {
        return ref;
      }

      @Override
      public Counters counters() {
        return counters;
      }
    };
  }
}
