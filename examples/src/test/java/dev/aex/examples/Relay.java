package dev.aex.examples;

import dev.aex.module.testing.FakeEm;
import dev.aex.module.testing.ModuleClient;
import dev.aex.module.testing.TestDeployer;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.ModuleOutput;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Makes the shared fake EM route between modules as an event manager does (protocol.md §4.4,
 * §4.6): a module's output or request on a connection goes, still sealed, to the module at the
 * other end of that connection. Outputs are forwarded on their own thread and not answered;
 * requests wait for the handler's reply and pass it back. Connection ids are unique in a test, as
 * they are in a deployment, so the id alone tells where a message goes.
 */
final class Relay {
  private final Map<Integer, Integer> targets = new ConcurrentHashMap<>();
  private final List<String> failures = new CopyOnWriteArrayList<>();

  Relay(FakeEm em) {
    em.discardReceived();
    em.respondWith(this::route);
  }

  /** Messages on {@code connId} go to {@code target}. */
  Relay route(int connId, RunningModule target) {
    targets.put(connId, target.module.port());
    return this;
  }

  /** What went wrong while forwarding: unknown connections and refused events. */
  List<String> failures() {
    return List.copyOf(failures);
  }

  private Optional<ResultMessage> route(CommandMessage command) {
    if (command.code() != CommandCode.MODULE_OUTPUT) {
      failures.add("unexpected command " + command.code());
      return Optional.of(ResultMessage.of(ResultCode.ILLEGAL_COMMAND));
    }
    ModuleOutput message;
    try {
      message = ModuleOutput.decode(command.payload());
    } catch (Exception e) {
      failures.add("malformed ModuleOutput: " + e.getMessage());
      return Optional.of(ResultMessage.of(ResultCode.ILLEGAL_PAYLOAD));
    }
    Integer port = targets.get(message.connId());
    if (port == null) {
      failures.add("no route for connection " + message.connId());
      return Optional.of(ResultMessage.of(ResultCode.BAD_REQUEST));
    }
    byte[] args = TestDeployer.eventArgs(message.connId(), message.data().encode().toByteArray());
    if (message.entryId() == 4) {
      return Optional.of(ModuleClient.call(port, 4, args));
    }
    // The source does not wait for its output to be handled, and must not: the target may send
    // something back to it while handling the event.
    Thread.ofVirtual().start(() -> {
      ResultMessage result = ModuleClient.call(port, message.entryId(), args);
      if (result.code() != ResultCode.OK) {
        failures.add("event on connection " + message.connId() + ": " + result.code());
      }
    });
    return Optional.empty();
  }
}
