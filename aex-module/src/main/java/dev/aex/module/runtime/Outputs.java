package dev.aex.module.runtime;

import dev.aex.wire.CommandMessage;
import dev.aex.wire.payload.ReservedEntry;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Sends output events (protocol.md §4.4): for each connection of the output, seal and hand the
 * event to the event manager, holding the connection's send lock until the bytes are written.
 * Delivery failures are logged and skipped (outputs have no error path, §4.9); the next
 * connection is still served.
 */
final class Outputs {
  private static final Logger LOG = System.getLogger(Outputs.class.getName());
  /** The largest sealed frame a ModuleOutput carries (65535 minus entry_id and conn_id). */
  static final int MAX_FRAME = CommandMessage.MAX_PAYLOAD - 4;

  private final ConnectionTable table;
  private final EmLink em;
  private final ModuleNames names;

  Outputs(ConnectionTable table, EmLink em, ModuleNames names) {
    this.table = table;
    this.em = em;
    this.names = names;
  }

  void send(int outputId, byte[] data) {
    List<Connection> connections = table.outputConnections(outputId);
    // Check every connection first, so an output goes to all of its connections or to none.
    connections.forEach(connection -> checkSize(connection, data, names.io(outputId)));
    connections.forEach(connection -> deliver(connection, data));
  }

  static void checkSize(Connection connection, byte[] data, String what) {
    int max = MAX_FRAME - connection.cipher().overhead();
    if (data.length > max) {
      throw new IllegalArgumentException(
          what + " data: " + data.length + " bytes (expected: at most " + max + " on "
              + connection + ", whose sealed frame must fit " + MAX_FRAME + " bytes)");
    }
  }

  private void deliver(Connection connection, byte[] data) {
    connection.sendLock().lock();
    try {
      byte[] frame = connection.cipher().seal(data);
      em.send(EmLink.moduleOutput(ReservedEntry.HANDLE_INPUT.id(), connection.connId(), frame));
    } catch (Rejection e) {
      LOG.log(Level.WARNING, "{0}: output on {1} not sent: {2}", names.module(), connection,
          e.getMessage());
    } catch (IOException e) {
      LOG.log(Level.WARNING, "{0}: output on {1} lost: event manager unreachable: {2}",
          names.module(), connection, e.toString());
    } finally {
      connection.sendLock().unlock();
    }
  }
}
