package dev.aex.deployer.internal;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.PeriodicEvent;
import dev.aex.wire.Bytes;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.Call;
import dev.aex.wire.payload.RegisterEntrypoint;

/** Entry calls (unauthenticated, as in the original) and periodic-event registration. */
final class Calls {
  /** A Call's payload is {@code [sm_id:2][entry_id:2][args]}. */
  private static final int MAX_ARGUMENT = CommandMessage.MAX_PAYLOAD - 4;

  private Calls() {}

  static byte[] call(Context ctx, Module m, String entry, byte[] argument)
      throws DeployerException {
    String subject = m.name() + ":" + entry;
    return Timer.time(ctx.listener(), "call", subject, "Call time for " + subject, () -> {
      Where where = Where.at("call", subject, ctx.runsOn(m));
      if (!m.common().deployed()) {
        throw where.fail("the module is not deployed", "Deploy it first");
      }
      int entryId = Endpoints.entry(m, entry);
      if (argument.length > MAX_ARGUMENT) {
        throw where.fail("the argument is " + argument.length + " bytes; at most " + MAX_ARGUMENT
            + " fit one Call (with its 4-byte head, in a u16 length)", "Pass less data per call");
      }
      ResultMessage reply = ctx.em().exchange(where,
          new Call(m.id().orElseThrow(), entryId, Bytes.of(argument)).toMessage());
      if (reply.code() != ResultCode.OK) {
        throw where.fail("Reactive command Call failed with code " + reply.code(),
            reply.code() == ResultCode.INTERNAL_ERROR
                ? Hints.codeFailedOrModuleNotReached("The entry")
                : "Check the entry and its argument");
      }
      return reply.payload().toByteArray();
    });
  }

  static void register(Context ctx, PeriodicEvent e) throws DeployerException {
    String name = e.name().orElseThrow();
    Timer.time(ctx.listener(), "register", name, "Register time for " + name, () -> {
      Module m = ctx.state().module(e.module());
      Where where = Where.at("register", name, ctx.runsOn(m));
      int entryId = Endpoints.entry(m, e.entry());
      ResultMessage reply = ctx.em().exchange(where,
          new RegisterEntrypoint(m.id().orElseThrow(), entryId, e.frequency()).toMessage());
      if (reply.code() != ResultCode.OK) {
        throw where.fail("RegisterEntrypoint failed with " + reply.code(),
            reply.code() == ResultCode.INTERNAL_ERROR
                ? "The event manager does not run periodic events: start an aex one with"
                    + " --periodic-tasks (EM_PERIODIC_TASKS=true); a TrustZone one has none"
                : "Check the module and its entry");
      }
      ctx.state().updateEvent(e.id().orElseThrow(), x -> new PeriodicEvent(x.name(), x.id(),
          x.module(), x.entry(), x.frequency(), true));
      ctx.listener().info("Registered " + m.name() + ":" + e.entry() + " on " + where.node().name()
          + " every " + e.frequency() + " ms");
    });
  }
}
