package dev.aex.deployer.internal;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.NativeNode;
import dev.aex.deployer.descriptor.SancusNode;
import dev.aex.deployer.descriptor.SgxNode;
import dev.aex.wire.Command;
import dev.aex.wire.LoadMessage;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireClient;
import dev.aex.wire.WireFormatException;
import dev.aex.wire.WireTimeoutException;
import dev.aex.wire.kept.ConfirmedOutput;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One command to a node's event manager, with the settings' timeout, and every failure turned
 * into a message that says what to do.
 */
final class EmLink {
  private static final Duration EM_ANSWER_GRACE = Duration.ofSeconds(3);
  private final Duration timeout;
  private final ConcurrentHashMap<String, ReentrantLock> sancusLinks = new ConcurrentHashMap<>();

  EmLink(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Whether {@code failure} is a connection the node refused: nothing reached its event manager,
   * which does not run (an aex one takes its modules with it).
   */
  static boolean refused(DeployerException failure) {
    return failure.getCause() instanceof ConnectException;
  }

  /** Sends {@code command} and returns the reply, whatever its code. */
  ResultMessage exchange(Where where, Command command) throws DeployerException {
    ReentrantLock link = linkOf(where);
    link.lock();
    try {
      return exchangeNow(where, command);
    } finally {
      link.unlock();
    }
  }

  /**
   * A Sancus node is one MCU behind one UART: its commands go one at a time, as the original's
   * per-node lock does. Other event managers take commands concurrently.
   */
  private ReentrantLock linkOf(Where where) {
    return where.node() instanceof SancusNode
        ? sancusLinks.computeIfAbsent(where.node().name(), k -> new ReentrantLock())
        : new ReentrantLock();
  }

  private ResultMessage exchangeNow(Where where, Command command) throws DeployerException {
    // An event manager answers a Load once the module listens, after up to its own load
    // timeout (30 s by default, as this one): waiting only as long, the deployer would give up
    // just as a slow module's Load succeeds, and leave a running module unrecorded. Other
    // commands it forwards to a module, which it gives as long as this timeout to answer: its
    // answer, which says what happened, must arrive before this deadline cuts it off.
    Duration wait = command instanceof LoadMessage
        ? timeout.multipliedBy(2) : timeout.plus(EM_ANSWER_GRACE);
    try {
      Optional<ResultMessage> reply = client(where, wait).exchange(command);
      return reply.orElseThrow(() -> where.fail(
          "the event manager closed the connection without answering",
          "Check the event manager's log; is the port that of an event manager?"));
    } catch (IOException e) {
      throw failure(where, e, wait);
    }
  }

  /**
   * Sends an event (RemoteOutput) and returns its module's answer where the node's event manager
   * is an aex one ({@link ConfirmedOutput}); empty where it is not. Only native and SGX nodes
   * are asked: TrustZone and Sancus nodes run the original's event managers, and a Sancus bridge
   * may stay silent at the hello until the timeout.
   */
  Optional<ResultMessage> deliver(Where where, Command event) throws DeployerException {
    ReentrantLock link = linkOf(where);
    link.lock();
    try {
      if (!(where.node() instanceof NativeNode || where.node() instanceof SgxNode)) {
        client(where, timeout).send(event);
        return Optional.empty();
      }
      return ConfirmedOutput.send(client(where, timeout.plus(EM_ANSWER_GRACE)), event);
    } catch (IOException e) {
      throw failure(where, e, timeout.plus(EM_ANSWER_GRACE));
    } finally {
      link.unlock();
    }
  }

  private static WireClient client(Where where, Duration wait) {
    return WireClient.to(new InetSocketAddress(where.node().address().host(), where.port()), wait);
  }

  /** {@code e} in words that say what to do; {@code waited}: how long an answer was awaited. */
  private DeployerException failure(Where where, IOException e, Duration waited) {
    if (e instanceof ConnectException) {
      return where.fail("connection refused",
          "Is the event manager running? Start one with ./aex em --host "
              + where.node().address().host() + " --port " + where.port(), e);
    }
    if (e instanceof WireTimeoutException) {
      // The wire's message (how many bytes of which field) stays in the cause, for --debug.
      return where.fail("no answer within " + inWords(waited) + (waited.equals(timeout) ? ""
              : " (the timeout and " + inWords(waited.minus(timeout)) + " for the event manager's"
                  + " own answer)"),
          "Is the event manager or the module stuck? Check the event manager's log, or allow more"
              + " time with a longer timeout (aex --timeout SECONDS)", e);
    }
    if (e instanceof WireFormatException) {
      return where.fail("the answer is not a valid reply: " + e.getMessage(),
          "Is the port that of an event manager?", e);
    }
    return where.fail(e.getClass().getSimpleName() + ": " + e.getMessage(),
        "Check that the node's host and port are right and reachable", e);
  }

  private static String inWords(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
