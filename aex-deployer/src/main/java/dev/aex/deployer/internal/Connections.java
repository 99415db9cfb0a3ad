package dev.aex.deployer.internal;

import dev.aex.crypto.SymmetricKey;
import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.Connection;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.ModuleEndpoint;
import dev.aex.deployer.descriptor.SancusModule;
import dev.aex.deployer.descriptor.Node;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.Connect;
import dev.aex.wire.payload.ReservedEntry;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Establishing a connection (deployer-reference.md §4.6): Connect to the source node's event
 * manager, then set_key on the source module and on the target module. Each establishment uses a
 * fresh connection key, even when the state holds one: a key given to a module before (by a run
 * that failed half-way, or before a disable) already has frames under its counters, and re-keying
 * with it would restart those counters and repeat IVs.
 */
final class Connections {
  private Connections() {}

  /** The suite of {@code c}: secure AES when every module end is an aex module. */
  static Suite suiteOf(Context ctx, Connection c) {
    Module target = ctx.state().module(c.target().module());
    boolean aex = ctx.workspace().isAex(target)
        && c.source().map(s -> ctx.workspace().isAex(ctx.state().module(s.module()))).orElse(true);
    if (aex) {
      return Suite.SECURE_AES;
    }
    return switch (c.encryption()) {
      case AES -> Suite.LEGACY_AES;
      case SPONGENT -> Suite.SPONGENT;
    };
  }

  /** Whether a connection of {@code m} must use the legacy AES suite, so its build accepts it. */
  static boolean needsLegacy(Context ctx, Module m) {
    return ctx.state().get().connections().stream()
        .filter(c -> Modules.involves(c, m.name()))
        .anyMatch(c -> suiteOf(ctx, c) == Suite.LEGACY_AES);
  }

  /** Establishes a connection of the state between the modules the state holds, and records it. */
  static void establishInState(Context ctx, Connection c) throws DeployerException {
    Suite suite = suiteOf(ctx, c);
    SymmetricKey key = establish(ctx, c, suite,
        c.source().map(s -> ModuleSlot.inState(ctx.state(), s.module())),
        ModuleSlot.inState(ctx.state(), c.target().module()));
    ctx.state().updateConnection(c.id().orElseThrow(), x -> Modules.keyed(x, key, true));
  }

  /**
   * Establishes {@code c} between the modules in {@code source} (absent for a direct connection)
   * and {@code target}, and returns the key installed.
   */
  static SymmetricKey establish(Context ctx, Connection c, Suite suite, Optional<ModuleSlot> source,
      ModuleSlot target) throws DeployerException {
    String name = c.name().orElseThrow();
    int connId = c.id().orElseThrow();
    if (suite == Suite.LEGACY_AES) {
      ctx.listener().warning("Connection " + name + " uses the legacy zero-IV AES suite because an"
          + " end is an original module: the event manager can read and forge its events"
          + " (SECURITY.md §2)");
    }
    SymmetricKey key = SymmetricKey.random16();
    Module to = target.get();
    Node toNode = ctx.runsOn(to);
    // Names are resolved before anything is sent, so a wrong one changes nothing anywhere.
    int targetIo = Endpoints.id(to, c.target().kind(), c.target().endpoint());
    Optional<Integer> sourceIo = Optional.empty();
    if (source.isPresent()) {
      ModuleEndpoint out = c.source().orElseThrow();
      sourceIo = Optional.of(Endpoints.id(source.get().get(), out.kind(), out.endpoint()));
    }
    if (source.isPresent()) {
      Module from = source.get().get();
      Node fromNode = ctx.runsOn(from);
      Where where = Where.at("connect", name, fromNode);
      Connect connect = new Connect(connId, to.id().orElseThrow(),
          fromNode.name().equals(toNode.name()), toNode.address().reactivePort(),
          ipv4(toNode, where));
      ResultMessage reply = ctx.em().exchange(where, connect.toMessage());
      if (reply.code() != ResultCode.OK) {
        throw where.fail("Connect failed with " + reply.code(), "Check the event manager's log");
      }
      setKey(ctx, source.get(), suite, connId, sourceIo.orElseThrow(), key, name);
    }
    setKey(ctx, target, suite, connId, targetIo, key, name);
    ctx.listener().info((source.isPresent() ? "Connection " : "Direct connection ") + connId + ":"
        + name + (source.isPresent() ? " from " + c.source().get() : "") + " to " + c.target()
        + " established (" + suite + ")");
    return key;
  }

  private static void setKey(Context ctx, ModuleSlot slot, Suite suite, int connId, int ioId,
      SymmetricKey key, String connection) throws DeployerException {
    Module m = slot.get();
    Where where = Where.at("set_key (connection " + connection + ") for", m.name(), ctx.runsOn(m));
    SymmetricKey moduleKey = ModuleKeys.of(ctx, m, where);
    ctx.lockOf(m).lock();
    try {
      long nonce = slot.takeNonce(where);
      boolean aex = ctx.workspace().isAex(m);
      byte[] args = aex
          ? Control.secureSetKey(moduleKey, nonce, suite.enc(), connId, ioId, key)
          : m instanceof SancusModule
              ? Control.sancusSetKey(moduleKey, nonce, connId, ioId, key)
              : Control.legacySetKey(moduleKey, nonce, suite.enc(), connId, ioId, key);
      ResultMessage reply =
          Control.exchange(ctx, slot, where, ReservedEntry.SET_KEY.id(), args, nonce);
      if (reply.code() == ResultCode.CRYPTO_ERROR) {
        throw where.fail("the module refused the key (CryptoError)",
            Attestation.staleOrWrongKey(m.name(), nonce) + (suite == Suite.LEGACY_AES
                ? ". (A module refuses legacy AES unless it was built for it: build it again)"
                : ""));
      }
      if (!aex && reply.code() == ResultCode.ILLEGAL_PAYLOAD) {
        throw where.fail("the module refused nonce " + nonce + " (IllegalPayload)", "The result"
            + " file is stale (its nonce for " + m.name() + " is not the module's), or the module"
            + " was loaded again since; use the latest result file, or deploy the module again");
      }
      if (reply.code() != ResultCode.OK) {
        throw where.fail(Hints.answered(reply.code()), Hints.MODULE_NOT_REACHED);
      }
    } finally {
      ctx.lockOf(m).unlock();
    }
  }

  private static Inet4Address ipv4(Node node, Where where) throws DeployerException {
    try {
      if (InetAddress.getByName(node.address().host()) instanceof Inet4Address v4) {
        return v4;
      }
    } catch (IOException e) {
      throw where.fail("cannot resolve host " + node.address().host(), "Check the node's host");
    }
    throw where.fail("host " + node.address().host() + " is not an IPv4 address",
        "The Connect message carries IPv4 addresses only; give the node an IPv4 host");
  }
}
