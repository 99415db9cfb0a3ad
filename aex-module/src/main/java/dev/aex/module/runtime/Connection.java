package dev.aex.module.runtime;

import dev.aex.wire.payload.IoKind;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One installed connection endpoint; {@code endpoint} names its io_id for the log ({@link
 * ModuleNames#io}). The send lock is held from sealing an event until its bytes are written to the
 * event manager, so the events of one connection leave in counter order.
 */
record Connection(int connId, int ioId, String endpoint, Suite suite, ChannelCipher cipher,
    ReentrantLock sendLock) {
  Connection(int connId, int ioId, String endpoint, Suite suite, ChannelCipher cipher) {
    this(connId, ioId, endpoint, suite, cipher, new ReentrantLock());
  }

  IoKind kind() {
    return IoKind.classify(ioId);
  }

  @Override
  public String toString() {
    return "connection " + connId + " (" + endpoint + ", " + suite + ")";
  }
}
