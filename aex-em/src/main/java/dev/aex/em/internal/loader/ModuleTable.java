package dev.aex.em.internal.loader;

import dev.aex.em.ModuleInfo;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The modules this event manager started, alive or dead, and the load counter. A module that
 * dies is reported in the log with its exit status and last stderr lines, and its id is freed so
 * that a new Load of it works.
 */
public final class ModuleTable {
  private static final Logger LOG = System.getLogger(ModuleTable.class.getName());
  private static final Duration STDERR_WAIT = Duration.ofSeconds(1);

  private final IntConsumer onDeath;
  private final List<LoadedModule> modules = new ArrayList<>(); // guarded by this
  /** Ids of the live modules that listen; replaced on every change, so reads take no lock. */
  private volatile BitSet serving = new BitSet();
  private int nextIndex; // guarded by this

  /** {@code onDeath} gets the id of every module that ends after it listened. */
  public ModuleTable(IntConsumer onDeath) {
    this.onDeath = onDeath;
  }

  synchronized int nextIndex() {
    return nextIndex++;
  }

  synchronized void add(LoadedModule module) {
    modules.add(module);
    module.process().onExit().thenRunAsync(() -> exited(module), r -> Thread.ofVirtual().start(r));
  }

  /** The module listens as {@code id}: older, dead entries with that id are forgotten. */
  synchronized void listening(LoadedModule module, int id) {
    modules.removeIf(m -> m != module && m.id().orElse(-1) == id && !m.process().isAlive());
    module.listening(id);
    updateServing();
  }

  synchronized void remove(LoadedModule module) {
    modules.remove(module);
    updateServing();
  }

  /** Whether a module this event manager loaded listens as {@code id} and has not ended. */
  public boolean serves(int id) {
    return serving.get(id);
  }

  public synchronized List<ModuleInfo> snapshot() {
    return modules.stream().map(LoadedModule::info).toList();
  }

  /**
   * Stops every module, deletes their files and restarts the load counter (Reset, shutdown): all
   * are asked to end at once and given {@code wait} together, then the rest are killed. No thread
   * is started: at shutdown a new virtual thread may find no carrier to run on.
   */
  public void stopAll(Duration wait) {
    List<LoadedModule> stopped;
    synchronized (this) {
      stopped = List.copyOf(modules);
      modules.clear();
      nextIndex = 0;
      updateServing();
    }
    List<List<ProcessHandle>> trees = stopped.stream().map(LoadedModule::signalStop).toList();
    long deadline = System.nanoTime() + wait.toNanos();
    for (int i = 0; i < stopped.size(); i++) {
      stopped.get(i).awaitStop(trees.get(i), deadline, wait);
    }
  }

  private void updateServing() {
    BitSet ids = new BitSet();
    modules.stream().filter(m -> m.process().isAlive()).forEach(m -> m.id().ifPresent(ids::set));
    serving = ids;
  }

  private void exited(LoadedModule module) {
    synchronized (this) {
      updateServing();
    }
    if (module.id().isEmpty()) {
      return; // died while starting: the loader reports it with the Load's answer
    }
    int status = module.process().exitValue();
    if (module.stopping()) {
      LOG.log(Level.INFO, "{0} stopped (status {1})", module.name(), String.valueOf(status));
    } else {
      LOG.log(Level.WARNING, "{0} exited with status {1}; it gets no events until it is loaded"
          + " again (aex update of the module does that); {2}",
          module.name(), String.valueOf(status), module.stderr().describe(STDERR_WAIT));
    }
    onDeath.accept(module.id().getAsInt());
  }
}
