package dev.aex.attestation;

/**
 * Evidence was rejected, or could not be read. {@link #check()} names the check that failed; the
 * message says what was found, what was expected and what to do about it. It never contains key
 * material (the verifier handles only public keys and public data).
 */
public final class AttestationException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Check check;

  public AttestationException(Check check, String message) {
    super(check + ": " + message);
    this.check = check;
  }

  public AttestationException(Check check, String message, Throwable cause) {
    super(check + ": " + message, cause);
    this.check = check;
  }

  /** The check that failed. */
  public Check check() {
    return check;
  }
}
