package dev.aex.cli;

import dev.aex.deployer.ResultSink;
import dev.aex.deployer.descriptor.Descriptor;
import java.io.IOException;

/**
 * The result sink of a command whose only save records the counter it takes before it sends
 * ({@code output}, {@code request}): after that save the result's lock is released, so other aex
 * commands on the file need not wait while this one waits for a slow module. A second save could
 * then overwrite what another command saved since, so it is refused.
 */
final class CounterSave implements ResultSink {
  private final ResultSink file;
  private final ResultLock lock;
  private boolean saved; // guarded by this

  CounterSave(ResultSink file, ResultLock lock) {
    this.file = file;
    this.lock = lock;
  }

  @Override
  public synchronized void save(Descriptor state) throws IOException {
    if (saved) {
      throw new IllegalStateException("a second save after the result file's lock was released"
          + " (a bug in aex: please report it)");
    }
    file.save(state);
    saved = true;
    lock.close();
  }
}
