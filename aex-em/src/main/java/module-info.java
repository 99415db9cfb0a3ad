/**
 * The aex event manager (architecture.md §2): the untrusted daemon of a node. It loads native module
 * executables, routes their encrypted events locally and to the event managers of other nodes, and
 * runs periodic events, speaking the original reactive-net protocol (protocol.md §1, §3.1).
 *
 * <p>It depends on {@code dev.aex.wire} only: it never links crypto or module code and never sees
 * a key. Only {@code dev.aex.em} is exported; {@code dev.aex.em.internal.*} has no compatibility
 * promises.
 */
module dev.aex.em {
  requires dev.aex.wire;
  requires java.logging;

  exports dev.aex.em;
}
