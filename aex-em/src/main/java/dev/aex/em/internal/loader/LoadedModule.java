package dev.aex.em.internal.loader;

import dev.aex.em.ModuleInfo;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** A module process started by Load: its file, process, stderr, and id once it listens. */
final class LoadedModule {
  private static final Logger LOG = System.getLogger(LoadedModule.class.getName());

  private final int index;
  private final Path file;
  private final Process process;
  private final StderrTail stderr;
  private volatile OptionalInt id = OptionalInt.empty();
  private volatile boolean stopping;

  LoadedModule(int index, Path file, Process process) {
    this.index = index;
    this.file = file;
    this.process = process;
    this.stderr = new StderrTail(process.getErrorStream(), this::name);
  }

  int index() {
    return index;
  }

  Process process() {
    return process;
  }

  OptionalInt id() {
    return id;
  }

  void listening(int moduleId) {
    id = OptionalInt.of(moduleId);
  }

  /** Whether the event manager itself ended it (Reset, shutdown, a failed start). */
  boolean stopping() {
    return stopping;
  }

  StderrTail stderr() {
    return stderr;
  }

  /** {@code module 2 (sm0, pid 1234)}, or {@code sm0 (pid 1234)} before the id is known. */
  String name() {
    OptionalInt known = id;
    String load = "sm" + index + ", pid " + process.pid();
    return known.isPresent() ? "module " + known.getAsInt() + " (" + load + ")" : "sm" + index + " (pid " + process.pid() + ")";
  }

  ModuleInfo info() {
    boolean alive = process.isAlive();
    return new ModuleInfo(index, id, process.pid(), alive,
        alive ? OptionalInt.empty() : OptionalInt.of(process.exitValue()));
  }

  /**
   * Ends the process and its children (a launcher script may have started a JVM that does not
   * replace it), then deletes the executable. Waits at most {@code wait}, then kills.
   */
  void stop(Duration wait) {
    List<ProcessHandle> tree = signalStop();
    awaitStop(tree, System.nanoTime() + wait.toNanos(), wait);
  }

  /** Asks the process and its children to end (SIGTERM); returns the children asked. */
  List<ProcessHandle> signalStop() {
    stopping = true;
    List<ProcessHandle> tree = process.descendants().toList();
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    return tree;
  }

  /**
   * Waits until {@code deadline} ({@link System#nanoTime}) for the process to end after {@link
   * #signalStop}, then kills it and {@code tree} and waits up to {@code killWait}; deletes the
   * executable.
   */
  void awaitStop(List<ProcessHandle> tree, long deadline, Duration killWait) {
    try {
      long left = Math.max(0, deadline - System.nanoTime());
      if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
        LOG.log(Level.WARNING, "{0} did not stop within {1} ms of SIGTERM: killing it", name(),
            String.valueOf(TimeUnit.NANOSECONDS.toMillis(left)));
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(killWait.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deleteFile();
  }

  /** Deletes the executable, or the folder of an SGX module. */
  void deleteFile() {
    FileTree.delete(file, Level.WARNING);
  }
}
