package dev.aex.deployer.internal;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.NativeModule;
import dev.aex.deployer.descriptor.NativeNode;
import dev.aex.deployer.descriptor.Node;
import dev.aex.deployer.descriptor.SgxModule;
import dev.aex.deployer.descriptor.SgxMode;
import dev.aex.deployer.descriptor.SgxNode;
import dev.aex.wire.LoadMessage;
import dev.aex.wire.SgxLoad;
import dev.aex.deployer.descriptor.TrustZoneModule;
import dev.aex.wire.Bytes;
import dev.aex.wire.NativeLoad;
import dev.aex.wire.ReadLimits;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.TrustZoneLoad;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Deploy: Load a module to its node's event manager (deploy_port). Its build comes first, for all
 * the modules of a deploy ({@link #buildIfNeeded}), so that names are checked before any Load.
 */
final class Loads {
  private Loads() {}

  /** Builds the module of {@code slot} if deploying it will (an aex module, not built yet). */
  static void buildIfNeeded(Context ctx, ModuleSlot slot) throws DeployerException {
    Module m = slot.get();
    if (!(m instanceof TrustZoneModule) && loadsBuilds(ctx.state().nodeOf(m.node()))
        && Builds.needed(ctx, m)) {
      Builds.build(ctx, slot);
    }
  }

  private static boolean loadsBuilds(Node node) {
    return node instanceof NativeNode || node instanceof SgxNode;
  }

  static void deploy(Context ctx, ModuleSlot slot) throws DeployerException {
    Module first = slot.get();
    Node node = ctx.state().nodeOf(first.node());
    if (first instanceof TrustZoneModule t) {
      loadTrustZone(ctx, slot, t, node);
      return;
    }
    if (!loadsBuilds(node)) {
      throw new DeployerException("deploy " + first.name() + " on " + node.name() + ": deploying"
          + " to " + node.architecture().descriptorName() + " nodes is not supported yet; aex"
          + " deploys to native and sgx nodes (and TrustZone TAs built with the original tools)");
    }
    Timer.time(ctx.listener(), "deploy", first.name(), "Deploy time for " + first.name(), () -> {
      Module m = slot.get();
      Where where = Where.at("deploy", m.name(), node).deployPort();
      LoadMessage load = switch (m) {
        case NativeModule n -> new NativeLoad(read(where, m, n.binary().orElseThrow()));
        case SgxModule s -> new SgxLoad(read(where, m, s.sgxs().orElseThrow()),
            s.signature().isPresent() ? read(where, m, s.signature().get()) : Bytes.of(new byte[0]));
        default -> throw where.fail("not a native or sgx module", "");
      };
      ResultMessage reply = exchangeLoad(ctx, where, load);
      if (reply.code() == ResultCode.INTERNAL_ERROR && alreadyRunning(ctx, slot)) {
        slot.update(x -> Modules.deployed(x, true));
        ctx.listener().info("Module " + m.name() + " was already running on " + node.name()
            + " as module " + m.id().orElseThrow() + (m instanceof SgxModule
                ? ", the enclave built for it (it attested)" : ", with the recorded key")
            + " (loaded by a deploy that stopped before it could record it): recorded as"
            + " deployed");
        return;
      }
      if (reply.code() != ResultCode.OK) {
        throw where.fail("Load failed with " + reply.code(), loadFailureHint(reply.code(), node,
            node.address().reactivePort() + m.id().orElseThrow()));
      }
      slot.update(x -> Modules.deployed(x, true));
      ctx.listener().info("Deployed " + m.name() + " on " + node.name() + " as module "
          + m.id().orElseThrow() + " (port " + ((Module.Listening) m).port().orElseThrow() + ")");
    });
  }

  /** What to check when a node answers a Load with {@code code}; the module should listen on {@code port}. */
  private static String loadFailureHint(ResultCode code, Node node, int port) {
    if (code != ResultCode.INTERNAL_ERROR) {
      return node instanceof SgxNode
          ? "Is it an aex event manager started with --sgx (gramine, or simulation for a node with"
              + " sgx_mode simulation)?"
          : "Is this an aex or original native event manager? One started with --sgx takes SGX"
              + " modules only: then declare the node \"type\": \"sgx\" (docs/sgx.md)";
    }
    if (node instanceof SgxNode sgx) {
      String mode = sgx.mode().descriptorName();
      return "The event manager could not start the enclave, or it did not listen on port " + port
          + " in time. This node's sgx_mode is " + mode + ": its event manager must run with --sgx "
          + mode + (sgx.mode() == SgxMode.GRAMINE ? " and have gramine-sgx installed"
              : "; a module built for --sgx simulation does not start under --sgx gramine")
          + ". The event manager's log says why";
    }
    return "The module exited at start or did not listen on port " + port
        + " in time; the event manager's log has its exit status and last stderr lines. If"
        + " another module holds that port (\"Address already in use\"), reset the node with the"
        + " result file that deployed it, or restart its event manager; two applications on one"
        + " node need distinct module ids (give this module an \"id\" in the descriptor)";
  }

  /**
   * Whether this module already runs on the node at its id: a deploy interrupted (Ctrl-C, a crash)
   * after the node answered its Load but before the result was saved leaves it running,
   * unrecorded, on the port the next Load needs. Nothing else is taken for it: an aex native
   * module must answer a challenge under the recorded key; an SGX module must attest, which proves
   * the code built for it (MRENCLAVE) and agrees its key, as attest would have.
   */
  private static boolean alreadyRunning(Context ctx, ModuleSlot slot) {
    Module m = slot.get();
    boolean nativeAex =
        m instanceof NativeModule && ctx.workspace().isAex(m) && m.key().isPresent();
    if (!nativeAex && !(m instanceof SgxModule)) {
      return false;
    }
    try {
      if (nativeAex) {
        Attestation.challenge(ctx, slot);
      } else {
        Attestation.attest(ctx, slot);
      }
      return true;
    } catch (DeployerException e) {
      ctx.listener().info("Module " + m.name() + " does not run at its id already ("
          + e.getMessage() + ")");
      return false;
    }
  }

  /**
   * The Load's exchange. An aex event manager refuses a binary above its limit as soon as it reads
   * the length, and closes: the deployer, still sending, sees only a broken connection, so a
   * binary that large is named as the likely cause.
   */
  private static ResultMessage exchangeLoad(Context ctx, Where where, LoadMessage load)
      throws DeployerException {
    try {
      return ctx.em().exchange(where, load);
    } catch (DeployerException e) {
      long bytes = switch (load) {
        case NativeLoad n -> n.executable().size();
        case SgxLoad s -> s.sgxs().size();
        default -> 0;
      };
      if (bytes <= ReadLimits.AEX_EM_MAX_LOAD) {
        throw e;
      }
      throw where.fail("the module's binary is " + bytes + " bytes, and an aex event manager"
          + " takes a Load of at most " + ReadLimits.AEX_EM_MAX_LOAD + " (the connection ended"
          + " while it was sent: " + e.getCause() + ")", "Make the module smaller: its"
          + " resources, lib/ jars and pom.xml dependencies are all in the binary", e);
    }
  }

  private static Bytes read(Where where, Module m, String file) throws DeployerException {
    try {
      return Bytes.of(Files.readAllBytes(Path.of(file)));
    } catch (IOException e) {
      throw where.fail("cannot read the module's build output " + file + ": " + e.getMessage(),
          "Build it again (aex build --module " + m.name() + ")", e);
    }
  }

  /**
   * A TrustZone TA built with the original tools (aex does not run the OP-TEE toolchain): the
   * descriptor gives its {@code binary} (the {@code .ta} file) and {@code uuid}; the Load carries
   * the module id and the UUID (protocol.md §1.6.4).
   */
  private static void loadTrustZone(Context ctx, ModuleSlot slot, TrustZoneModule t, Node node)
      throws DeployerException {
    Timer.time(ctx.listener(), "deploy", t.name(), "Deploy time for " + t.name(), () -> {
      Where where = Where.at("deploy", t.name(), node).deployPort();
      if (t.binary().isEmpty() || t.uuid().isEmpty()) {
        throw where.fail("building TrustZone TAs is not supported yet",
            "Build the TA with the original tools and give its binary (.ta file) and uuid");
      }
      byte[] ta;
      try {
        ta = Files.readAllBytes(Path.of(t.binary().get()));
      } catch (IOException e) {
        throw where.fail("cannot read the TA " + t.binary().get() + ": " + e.getMessage(),
            "Check the binary field", e);
      }
      BigInteger uuid = t.uuid().get();
      UUID id = new UUID(uuid.shiftRight(64).longValue(), uuid.longValue());
      ResultMessage reply = ctx.em().exchange(where,
          new TrustZoneLoad(t.id().orElseThrow(), id, Bytes.of(ta)));
      if (reply.code() != ResultCode.OK) {
        throw where.fail("Load failed with " + reply.code(), "Check the event manager's log");
      }
      slot.update(x -> Modules.deployed(x, true));
    });
  }
}
