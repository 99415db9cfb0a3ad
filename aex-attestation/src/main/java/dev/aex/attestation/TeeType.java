package dev.aex.attestation;

/** The TEE a DCAP quote comes from, with its {@code tee_type} header value. */
public enum TeeType {
  SGX(0x00),
  TDX(0x81);

  private final int code;

  TeeType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  @Override
  public String toString() {
    return name() + "(0x" + Integer.toHexString(code) + ")";
  }
}
