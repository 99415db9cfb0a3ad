package dev.aex.module.build;

import java.util.Arrays;

/** SIGSTRUCTs laid out by hand from the Intel SDM (Vol. 3D §38.14), for the parser and the build. */
final class SampleSigstruct {
  private SampleSigstruct() {}

  /** A modulus with every byte different from its neighbours, so offsets show in MRSIGNER. */
  static byte[] modulus() {
    byte[] modulus = new byte[384];
    for (int i = 0; i < modulus.length; i++) {
      modulus[i] = (byte) (i * 7 + 1);
    }
    return modulus;
  }

  /** An enclave hash of 0x01 then 31 bytes of 0xab. */
  static byte[] enclaveHash() {
    byte[] hash = new byte[32];
    Arrays.fill(hash, (byte) 0xab);
    hash[0] = 0x01;
    return hash;
  }

  /** A debug SIGSTRUCT of product 0x1234, SVN 2, with {@link #modulus} and {@link #enclaveHash}. */
  static byte[] bytes() {
    byte[] sig = new byte[Sigstruct.SIZE];
    System.arraycopy(Sigstruct.HEADER, 0, sig, 0, 16);
    System.arraycopy(modulus(), 0, sig, Sigstruct.MODULUS, 384);
    sig[512] = 3; // exponent
    sig[Sigstruct.ATTRIBUTES] = 0x06; // DEBUG | MODE64BIT
    System.arraycopy(enclaveHash(), 0, sig, Sigstruct.ENCLAVE_HASH, 32);
    sig[Sigstruct.ISV_PROD_ID] = 0x34; // little-endian
    sig[Sigstruct.ISV_PROD_ID + 1] = 0x12;
    sig[Sigstruct.ISV_SVN] = 0x02;
    return sig;
  }
}
