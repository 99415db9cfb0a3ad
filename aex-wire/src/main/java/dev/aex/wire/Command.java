package dev.aex.wire;

/**
 * The first and only request on a connection to an event manager (protocol.md §1.1): either a
 * {@link CommandMessage} with u16 framing or, for Load on native, SGX and TrustZone nodes, a {@link
 * LoadMessage} with its own framing (§1.3).
 */
public sealed interface Command extends WireFrame permits CommandMessage, LoadMessage {
  CommandCode code();
}
