package dev.aex.deployer.internal;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.Connection;
import dev.aex.deployer.descriptor.EndpointKind;
import dev.aex.deployer.descriptor.Module;
import dev.aex.wire.Bytes;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.RemoteOutput;
import dev.aex.wire.payload.RemoteRequest;
import dev.aex.wire.payload.SealedData;
import java.util.List;
import java.util.Optional;

/**
 * Events from the deployer on direct connections (deployer-reference.md §1.4 output/request):
 * RemoteOutput and RemoteRequest to the target's node. An aex event manager answers the
 * RemoteOutput with its module's answer, so an event the module did not take fails here. The
 * connection's {@code nonce} is the deployer's sender counter; it is saved as used before the
 * event leaves.
 */
final class Direct {
  /** For a CryptoError: what makes a module refuse a counter or a key. */
  private static final String STALE = "The result file is stale (the connection's nonce is behind"
      + " what the module took from another copy of it; each command, or Deployer opened anew,"
      + " starts a random step further ahead, so running it again may pass), or another copy"
      + " re-keyed the connection since; use the latest result file";
  /**
   * For a BadRequest: the module does not know the connection. connect would not help, since the
   * result records it as established; an update of the module makes all its connections anew.
   */
  private static final String UNKNOWN_CONNECTION = "The module does not know this connection: is"
      + " this the latest result file? A module restarted since the connection was made knows"
      + " none of its connections: aex update of the module makes them anew";
  /** RemoteOutput and RemoteRequest payloads start with {@code [to_sm:2][conn_id:2]}. */
  private static final int HEAD_BYTES = 4;

  private Direct() {}

  /** The connection by name, or by id when the argument is all digits (as the original). */
  static Connection find(Context ctx, String nameOrId) throws DeployerException {
    List<Connection> all = ctx.state().get().connections();
    if (nameOrId.isBlank()) {
      throw new DeployerException("No connection given: name one of " + all.stream()
          .flatMap(c -> c.name().stream()).toList() + ", or give its id");
    }
    if (nameOrId.chars().allMatch(Character::isDigit)) {
      return all.stream().filter(c -> c.id().map(id -> id.toString().equals(
              nameOrId.replaceFirst("^0+(?=.)", ""))).orElse(false)).findFirst()
          .orElseThrow(() -> new DeployerException("No connection with ID " + nameOrId));
    }
    return ctx.state().get().connection(nameOrId).orElseThrow(() -> new DeployerException(
        "No connection with name " + nameOrId + Selections.suggestion(nameOrId,
            all.stream().flatMap(c -> c.name().stream()).toList())));
  }

  static void output(Context ctx, String nameOrId, byte[] argument) throws DeployerException {
    Connection c = checked(ctx, nameOrId, EndpointKind.INPUT, "Not a output-input connection");
    String name = c.name().orElseThrow();
    Timer.time(ctx.listener(), "output", name, "Output time for " + name, () -> {
      Module to = ctx.state().module(c.target().module());
      Where where = Where.at("output", name, ctx.runsOn(to));
      Suite suite = Connections.suiteOf(ctx, c);
      checkSize(suite, argument, where);
      int connId = c.id().orElseThrow();
      long counter = takeNonce(ctx, c, suite, 1, where);
      byte[] frame = suite.sealEvent(c.key().orElseThrow(), connId, counter, argument);
      RemoteOutput event = new RemoteOutput(to.id().orElseThrow(), connId, sealed(frame, where));
      Optional<ResultMessage> answer = ctx.em().deliver(where, event.toMessage());
      if (answer.isPresent() && answer.get().code() != ResultCode.OK) {
        ResultCode code = answer.get().code();
        throw where.fail("the module did not take the event (" + code + ")", outputHint(code));
      }
    });
  }

  static byte[] request(Context ctx, String nameOrId, byte[] argument) throws DeployerException {
    Connection c = checked(ctx, nameOrId, EndpointKind.HANDLER, "Not a request-handler connection");
    String name = c.name().orElseThrow();
    return Timer.time(ctx.listener(), "request", name, "Request time for " + name, () -> {
      Module to = ctx.state().module(c.target().module());
      Where where = Where.at("request", name, ctx.runsOn(to));
      Suite suite = Connections.suiteOf(ctx, c);
      checkSize(suite, argument, where);
      int connId = c.id().orElseThrow();
      long counter = takeNonce(ctx, c, suite, suite.requestCounters(), where);
      Suite.SentRequest sent = suite.sealRequest(c.key().orElseThrow(), connId, counter, argument);
      RemoteRequest request = new RemoteRequest(to.id().orElseThrow(), connId,
          sealed(sent.frame(), where));
      ResultMessage reply = ctx.em().exchange(where, request.toMessage());
      if (reply.code() == ResultCode.CRYPTO_ERROR) {
        throw where.fail("the module refused the request (CryptoError)", STALE);
      }
      if (reply.code() != ResultCode.OK) {
        throw where.fail("the request failed with " + reply.code(), requestHint(reply.code()));
      }
      try {
        return sent.opener().open(reply.payload().toByteArray());
      } catch (AuthenticationFailedException e) {
        throw where.fail("the reply does not authenticate under the connection key",
            "The event manager or the network changed it, or another module answered");
      }
    });
  }

  /**
   * Checked before a counter is taken: the sealed data and the 4-byte head ({@code to_sm},
   * {@code conn_id}) must fit a payload's u16 length.
   */
  private static void checkSize(Suite suite, byte[] argument, Where where)
      throws DeployerException {
    int max = CommandMessage.MAX_PAYLOAD - HEAD_BYTES - suite.overhead();
    if (argument.length > max) {
      throw where.fail("the argument is " + argument.length + " bytes; at most " + max + " fit"
          + " one sealed message on this connection", "Send less data per message");
    }
  }

  /** The module answered an event it did not take (the event manager's aex answer). */
  private static String outputHint(ResultCode code) {
    return switch (code) {
      case CRYPTO_ERROR -> STALE;
      case BAD_REQUEST -> UNKNOWN_CONNECTION;
      case INTERNAL_ERROR -> "The input's code threw: the event manager's log has the module's"
          + " warning (AEX_MODULE_LOG=debug in its environment adds the message and stack trace)";
      case GENERIC_ERROR -> "The event manager could not deliver it, or the module did not answer"
          + " in time (a module that is only slow handles it late). Is the module running? aex"
          + " status shows which modules answer, and update brings back one that died";
      default -> "Check the event manager's log";
    };
  }

  private static String requestHint(ResultCode code) {
    return switch (code) {
      case BAD_REQUEST -> UNKNOWN_CONNECTION;
      case INTERNAL_ERROR -> Hints.codeFailedOrModuleNotReached("The handler");
      default -> "Check the event manager's log";
    };
  }

  private static Connection checked(Context ctx, String nameOrId, EndpointKind kind,
      String wrongKind) throws DeployerException {
    Connection c = find(ctx, nameOrId);
    if (!c.direct()) {
      // The original's words first; then which connection and what would do.
      throw new DeployerException("Connection is not direct. (" + c.name().orElseThrow()
          + " goes from a module; output and request take a connection with direct: true)");
    }
    if (c.target().kind() != kind) {
      throw new DeployerException(wrongKind + " (connection " + c.name().orElseThrow()
          + " goes to " + c.target() + ")");
    }
    if (!c.established() || c.key().isEmpty()) {
      throw new DeployerException("Connection " + c.name().orElseThrow() + " is not established"
          + " yet; " + stepsBefore(ctx.state().module(c.target().module())));
    }
    return c;
  }

  /** What an output or request to {@code m} needs first: every step, not only the next one. */
  private static String stepsBefore(Module m) {
    if (!m.common().deployed()) {
      return "module " + m.name() + " is not deployed either: run deploy, attest and connect"
          + " first (or aex up)";
    }
    if (!m.common().attested()) {
      return "module " + m.name() + " is not attested either: run attest and connect first";
    }
    return "run connect first";
  }

  /**
   * Takes {@code count} counters of the connection, saved before they are used ({@link
   * Counters}).
   */
  private static long takeNonce(Context ctx, Connection c, Suite suite, int count, Where where)
      throws DeployerException {
    synchronized (ctx.state()) {
      Connection now = ctx.state().get().connections().stream()
          .filter(x -> x.id().equals(c.id())).findFirst().orElseThrow();
      return ctx.state().counters().take(now.key().filter(k -> suite == Suite.SECURE_AES),
          now.nonce(), count, where, "the connection's counter is used up",
          "Give it a fresh key: update the module it goes to (aex update --module "
              + now.target().module() + "), or disable that module and connect again",
          next -> ctx.state().updateConnection(c.id().orElseThrow(),
              x -> Modules.withNonce(x, next)));
    }
  }

  private static SealedData sealed(byte[] frame, Where where) throws DeployerException {
    try {
      return SealedData.split(Bytes.of(frame), "event");
    } catch (dev.aex.wire.MalformedPayloadException e) {
      throw where.fail("internal error: sealed event too short", "", e);
    }
  }
}
