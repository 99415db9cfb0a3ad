package dev.aex.deployer.internal;

import dev.aex.crypto.ConstantTime;
import dev.aex.crypto.SymmetricKey;
import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.SancusModule;
import dev.aex.deployer.descriptor.SgxModule;
import dev.aex.deployer.descriptor.TrustZoneModule;
import dev.aex.wire.Bytes;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.Attest;
import dev.aex.wire.payload.Call;
import dev.aex.wire.payload.ReservedEntry;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Attestation. An aex native module proves it holds the module key stamped at build time: the
 * deployer seals a random challenge under that key (SECURITY.md §4, attest), and the module must
 * seal the same challenge back as the reply. Unlike the original's bare MAC, the module only
 * answers challenges the deployer authenticated. TrustZone and Sancus modules answer the original
 * challenge with a MAC. An SGX module first agrees on its key with a verified quote
 * ({@link SgxAttestation}), then answers the same challenge as a native one.
 */
final class Attestation {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Attestation() {}

  static void attest(Context ctx, ModuleSlot slot) throws DeployerException {
    Module m = slot.get();
    Timer.time(ctx.listener(), "attest", m.name(), "Attest time for " + m.name(), () -> {
      if (m instanceof SgxModule) {
        // The quote proves the enclave; the challenge then proves it holds the agreed key. A key
        // recorded by an earlier agreement whose challenge failed may still be the module's: it
        // is tried first, since a module refuses a new agreement once its key has been used.
        if (m.key().isEmpty() || !answersChallenge(ctx, slot)) {
          SgxAttestation.agree(ctx, slot);
          challenge(ctx, slot);
        }
      } else if (m instanceof TrustZoneModule || m instanceof SancusModule) {
        macChallenge(ctx, slot);
      } else if (!ctx.workspace().isAex(m)) {
        // As the original: a native module's key comes from its build, so there is nothing to ask.
        ctx.listener().info("Module " + m.name() + " is an original native module: its key from"
            + " code generation is taken as proof, as the original does");
      } else {
        challenge(ctx, slot);
      }
      slot.update(x -> Modules.attested(x, true));
    });
  }

  private static boolean answersChallenge(Context ctx, ModuleSlot slot) {
    try {
      challenge(ctx, slot);
      return true;
    } catch (DeployerException e) {
      ctx.listener().info("Module " + slot.get().name() + ": the recorded key from an earlier"
          + " agreement is not the module's (" + e.getMessage() + "); agreeing anew");
      return false;
    }
  }

  /** The secure challenge under the recorded module key; fails unless the module answers it. */
  static void challenge(Context ctx, ModuleSlot slot) throws DeployerException {
    challenge(ctx, slot, "attest");
  }

  /** {@link #challenge(Context, ModuleSlot)}, its failures naming {@code step}. */
  static void challenge(Context ctx, ModuleSlot slot, String step) throws DeployerException {
    Challenge.send(ctx, slot, step).check();
  }

  /**
   * The original challenge of TrustZone and Sancus (deployer-reference.md §4.4): the module must
   * answer the tag of a random challenge under its key (zero-IV AES-GCM, or SpongentMAC). A
   * TrustZone key derived from the TA is recorded once the module proved it has it.
   */
  private static void macChallenge(Context ctx, ModuleSlot slot) throws DeployerException {
    Module m = slot.get();
    Where where = Where.at("attest", m.name(), ctx.runsOn(m));
    SymmetricKey key = ModuleKeys.of(ctx, m, where);
    int id = m.id().orElseThrow(() -> where.fail("the module has no id",
        "Give the id of the pre-deployed module in the descriptor"));
    byte[] challenge = new byte[16];
    RANDOM.nextBytes(challenge);
    ResultMessage reply = ctx.em().exchange(where, new Call(id, ReservedEntry.ATTEST.id(),
        new Attest(Bytes.of(challenge)).encode()).toMessage());
    if (reply.code() != ResultCode.OK) {
      throw where.fail(Hints.answered(reply.code()), "Is module " + id
          + " loaded on that node? The event manager's log says why");
    }
    byte[] expected = m instanceof SancusModule
        ? Control.sancusTag(key, challenge) : Control.trustZoneTag(key, challenge);
    if (!ConstantTime.equals(expected, reply.payload().toByteArray())) {
      throw where.fail("the module's answer is not the tag of the challenge under the module key",
          m instanceof SancusModule ? "Check the module's key in the descriptor"
              : "The TA, or the node's vendor key, differs from what the result file says");
    }
    if (m.key().isEmpty() && m instanceof TrustZoneModule) {
      slot.update(x -> x instanceof TrustZoneModule t ? new TrustZoneModule(t.common(),
          t.folder(), t.id(), t.binary(), t.uuid(), Optional.of(key), t.data()) : x);
    }
  }

  /** The two reasons a module refuses a control message under its key. */
  static String staleOrWrongKey(String module, long nonce) {
    return "Either its module key differs from the result file's (the module was built or"
        + " deployed from another result file), or this result file is stale: its nonce for "
        + module + " (" + nonce + ") is behind what the module took from another copy of it"
        + " (each command, or Deployer opened anew, starts a random step further ahead, so"
        + " running it again may pass)."
        + " Use the latest result file, or deploy the module again";
  }
}
