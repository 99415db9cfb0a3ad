package dev.aex.em.internal.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The event streams that other aex event managers send on kept connections (aex-em README, "Kept
 * connections"): per session, how many events were taken, and which
 * connection may still send them. A hello for a session fences every earlier connection of that
 * session, so the count it answers is final: an event that an old connection had read but not yet
 * taken is refused there (that connection closes) and comes again on the new one.
 */
final class PeerSessions {
  /** Sessions remembered; the least recently used is forgotten, and its sender simply resends. */
  private static final int MAX_SESSIONS = 4096;

  private final Map<Long, Session> sessions = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Session> eldest) {
      return size() > MAX_SESSIONS;
    }
  }; // guarded by itself

  /** One sender's event stream. */
  static final class Session {
    final ReentrantLock lock = new ReentrantLock();
    long accepted; // guarded by lock
    long epoch; // guarded by lock
  }

  /**
   * A connection's hold on a session after its hello: the session, the epoch the hello began, and
   * the count of events taken at that moment (what the hello answers).
   */
  record Hold(Session session, long epoch, long acceptedBefore) {}

  /** Starts a new epoch of session {@code id}, fencing every earlier connection of it. */
  Hold join(long id) {
    Session session;
    synchronized (sessions) {
      session = sessions.computeIfAbsent(id, k -> new Session());
    }
    session.lock.lock();
    try {
      session.epoch++;
      return new Hold(session, session.epoch, session.accepted);
    } finally {
      session.lock.unlock();
    }
  }
}
