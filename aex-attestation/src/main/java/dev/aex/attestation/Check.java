package dev.aex.attestation;

/**
 * The check that rejected a quote or its collateral. Callers branch on it; the exception message
 * says what was found and what to do. {@link QuoteVerifier} documents the order the checks run in.
 */
public enum Check {
  /** The quote bytes are malformed: truncated, bad lengths, unknown version or key type. */
  QUOTE_FORMAT,
  /** The collateral itself is malformed or incomplete (bad PEM, DER, JSON or hex). */
  COLLATERAL_FORMAT,
  /** The root CA CRL does not verify, is not current, or revokes a CA the chain uses. */
  ROOT_CRL,
  /** The TCB info issuer chain or signature does not verify. */
  TCB_INFO_SIGNATURE,
  /** "now" is outside the TCB info's [issueDate, nextUpdate). */
  TCB_INFO_EXPIRED,
  /** The QE identity issuer chain or signature does not verify. */
  QE_IDENTITY_SIGNATURE,
  /** "now" is outside the QE identity's [issueDate, nextUpdate). */
  QE_IDENTITY_EXPIRED,
  /** The PCK certificate chain in the quote does not verify up to a trusted root. */
  PCK_CHAIN,
  /** The chain ends at the INSECURE simulation root, and the policy does not allow simulation. */
  SIMULATION_ROOT,
  /** The PCK CRL does not verify, is not current, is not for the PCK issuer, or revokes the PCK. */
  PCK_CRL,
  /** The QE report is not signed by the PCK key. */
  QE_REPORT_SIGNATURE,
  /** The QE report data does not bind the attestation key (SHA-256(key || auth data)). */
  ATTESTATION_KEY_BINDING,
  /** The quote is not signed by the attestation key. */
  QUOTE_SIGNATURE,
  /** The QE report does not match Intel's QE identity (MRSIGNER, product, attributes). */
  QE_IDENTITY_MISMATCH,
  /** The TCB info is for another platform (FMSPC, PCE id or TEE type). */
  FMSPC_MISMATCH,
  /** No TCB level of the TCB info (or QE identity, or TDX module) matches the platform. */
  TCB_LEVEL_NOT_FOUND,
  /** The TCB status is not one the policy accepts. */
  TCB_STATUS,
  /** An advisory applies that the policy does not accept. */
  ADVISORY,
  /** The enclave or TD runs in debug mode and the policy does not allow debug. */
  DEBUG,
  /** MRENCLAVE (or MRTD for TDX) is not the expected one. */
  MRENCLAVE,
  /** MRSIGNER is not the expected one. */
  MRSIGNER,
  /** The ISV product id is not the expected one. */
  PRODUCT_ID,
  /** The ISV SVN is below the policy's minimum. */
  SVN,
  /** The quote's TEE type does not fit the policy (an SGX policy given a TDX quote, or back). */
  TEE_TYPE
}
