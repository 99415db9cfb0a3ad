package dev.aex.attestation;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Verifies Intel DCAP quotes in pure Java against explicit collateral, an explicit policy and an
 * explicit "now". The checks run in this order, and the first failure is thrown as an
 * {@link AttestationException} whose {@link AttestationException#check()} names it:
 *
 * <ol>
 *   <li>collateral ({@link Collateral#verify}): TCB info and QE identity chains and signatures,
 *       root CA CRL, PCK CRL, every validity window at "now";
 *   <li>quote format; TEE type against the policy;
 *   <li>PCK chain to a pinned root (the simulation root only if the policy allows it), PCK CA
 *       not revoked by the root CRL, PCK CRL is the PCK CA's, PCK not revoked;
 *   <li>QE report signed by the PCK key; QE report data binds the attestation key;
 *   <li>quote signed by the attestation key;
 *   <li>QE report matches Intel's QE identity; TCB levels of platform, QE and (TDX) module;
 *   <li>policy: TCB status, advisory ids, debug, then MRENCLAVE, MRSIGNER, product id, SVN (SGX)
 *       or MRTD (TDX).
 * </ol>
 *
 * <p>Thread-safe and stateless. Cache a {@link VerifiedCollateral} to verify many quotes of one
 * platform type cheaply; it is re-checked against each "now".
 */
public final class QuoteVerifier {
  private QuoteVerifier() {}

  /** Verifies an SGX quote, checking {@code collateral} first. */
  public static VerifiedQuote verify(byte[] quote, Collateral collateral, SgxPolicy policy,
      Instant now) throws AttestationException {
    return verify(quote, collateral.verify(policy.tcb(), now), policy, now);
  }

  /** Verifies an SGX quote against collateral verified earlier. */
  public static VerifiedQuote verify(byte[] quote, VerifiedCollateral collateral, SgxPolicy policy,
      Instant now) throws AttestationException {
    VerifiedQuote verified = appraise(quote, collateral, policy.tcb(), TeeType.SGX, now);
    SgxReportBody body = verified.sgxBody();
    requireDebug(body, policy.allowsDebug());
    if (policy.mrEnclave().isPresent() && !policy.mrEnclave().get().equals(body.mrEnclave())) {
      throw new AttestationException(Check.MRENCLAVE, "MRENCLAVE " + body.mrEnclave()
          + " (expected: " + policy.mrEnclave().get() + "): the enclave runs other code");
    }
    if (policy.mrSigner().isPresent()) {
      checkSigner(body, policy);
    }
    return verified;
  }

  /** Verifies a TDX quote, checking {@code collateral} first. */
  public static VerifiedQuote verifyTdx(byte[] quote, Collateral collateral, TdxPolicy policy,
      Instant now) throws AttestationException {
    return verifyTdx(quote, collateral.verify(policy.tcb(), now), policy, now);
  }

  /** Verifies a TDX quote against collateral verified earlier. */
  public static VerifiedQuote verifyTdx(byte[] quote, VerifiedCollateral collateral,
      TdxPolicy policy, Instant now) throws AttestationException {
    VerifiedQuote verified = appraise(quote, collateral, policy.tcb(), TeeType.TDX, now);
    TdxReportBody body = verified.tdxBody();
    requireDebug(body, policy.allowsDebug());
    if (!policy.mrTd().equals(body.mrTd())) {
      throw new AttestationException(Check.MRENCLAVE, "MRTD " + body.mrTd() + " (expected: "
          + policy.mrTd() + "): the trust domain runs other code");
    }
    return verified;
  }

  private static VerifiedQuote appraise(byte[] quote, VerifiedCollateral collateral,
      TcbPolicy policy, TeeType tee, Instant now) throws AttestationException {
    DcapQuote parsed = DcapQuote.parse(quote);
    if (parsed.teeType() != tee) {
      throw new AttestationException(Check.TEE_TYPE, "a " + parsed.teeType() + " quote was given "
          + "to a " + tee + " policy: use " + (tee == TeeType.SGX ? "verifyTdx" : "verify"));
    }
    VerifiedQuote verified = QuoteChecks.appraise(parsed, collateral, policy, now);
    if (!policy.acceptedStatuses().contains(verified.tcbStatus())) {
      throw new AttestationException(Check.TCB_STATUS, "TCB status " + verified.tcbStatus()
          + " (platform " + verified.platformTcbStatus() + ", QE " + verified.qeTcbStatus()
          + ") is not accepted (accepted: " + policy.acceptedStatuses() + "): update the platform "
          + "(microcode, BIOS, PSW) or accept the status in the TcbPolicy");
    }
    Set<String> unaccepted = new HashSet<>(verified.advisoryIds());
    unaccepted.removeAll(policy.acceptedAdvisories());
    if (!unaccepted.isEmpty()) {
      throw new AttestationException(Check.ADVISORY, "advisories " + unaccepted + " apply and are "
          + "not accepted: review them and accept them in the TcbPolicy, or update the platform");
    }
    return verified;
  }

  private static void requireDebug(ReportBody body, boolean allowed) throws AttestationException {
    if (body.debug() && !allowed) {
      throw new AttestationException(Check.DEBUG, "the enclave runs in debug mode, so the host can "
          + "read its memory: build it for production, or allow debug in the policy (development only)");
    }
  }

  private static void checkSigner(SgxReportBody body, SgxPolicy policy) throws AttestationException {
    if (!policy.mrSigner().orElseThrow().equals(body.mrSigner())) {
      throw new AttestationException(Check.MRSIGNER, "MRSIGNER " + body.mrSigner() + " (expected: "
          + policy.mrSigner().orElseThrow() + "): the enclave is signed by another key");
    }
    if (body.isvProdId() != policy.isvProdId()) {
      throw new AttestationException(Check.PRODUCT_ID, "ISV product id " + body.isvProdId()
          + " (expected: " + policy.isvProdId() + ")");
    }
    if (body.isvSvn() < policy.minIsvSvn()) {
      throw new AttestationException(Check.SVN, "ISV SVN " + body.isvSvn() + " is below the "
          + "minimum " + policy.minIsvSvn() + ": the enclave is an old, possibly vulnerable version");
    }
  }
}
