package dev.aex.module.build;

import dev.aex.attestation.HexBytes;
import dev.aex.crypto.Sha256;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The identity an SGX SIGSTRUCT (the {@code .sig} file of {@code gramine-sgx-sign}, 1808 bytes;
 * Intel SDM Vol. 3D §38.14) gives an enclave:
 *
 * <pre>
 * [header:16 @0 = 06000000E10000000000010000000000][vendor:4 @16][date:4 @20][header2:16 @24]
 * [swdefined:4 @40][reserved:84][modulus:384 @128, little-endian][exponent:4 @512]
 * [signature:384 @516][miscselect:4 @900][miscmask:4 @904][reserved:20][attributes:16 @928]
 * [attributemask:16 @944][enclavehash:32 @960][reserved:32][isvprodid:2 @1024][isvsvn:2 @1026]
 * [reserved:12][q1:384 @1040][q2:384 @1424]
 * </pre>
 *
 * MRENCLAVE is the enclave hash; MRSIGNER is SHA-256 of the modulus bytes as stored. The RSA
 * signature is not checked here: a wrong signature makes EINIT fail on the node, and the quote's
 * MRSIGNER is what the deployer's policy checks.
 *
 * @param mrEnclave 32 bytes
 * @param mrSigner 32 bytes
 * @param isvProdId the product id
 * @param isvSvn the security version
 * @param debug whether the signed attributes allow a debug enclave (bit 1)
 */
public record Sigstruct(HexBytes mrEnclave, HexBytes mrSigner, int isvProdId, int isvSvn, boolean debug) {
  /** The size of a SIGSTRUCT. */
  public static final int SIZE = 1808;

  static final byte[] HEADER = HexFormat.of().parseHex("06000000E10000000000010000000000");
  static final int MODULUS = 128;
  static final int ATTRIBUTES = 928;
  static final int ENCLAVE_HASH = 960;
  static final int ISV_PROD_ID = 1024;
  static final int ISV_SVN = 1026;

  public Sigstruct {
    Objects.requireNonNull(mrEnclave, "mrEnclave");
    Objects.requireNonNull(mrSigner, "mrSigner");
  }

  /**
   * Reads {@code sig}.
   *
   * @throws ModuleBuildException if it is not 1808 bytes or does not start with the SIGSTRUCT
   *     header
   */
  public static Sigstruct parse(byte[] sig) throws ModuleBuildException {
    if (sig.length != SIZE) {
      throw new ModuleBuildException("SIGSTRUCT: " + sig.length + " bytes (expected: " + SIZE + ")");
    }
    if (!Arrays.equals(sig, 0, HEADER.length, HEADER, 0, HEADER.length)) {
      throw new ModuleBuildException("SIGSTRUCT: header "
          + HexFormat.of().formatHex(sig, 0, HEADER.length) + " (expected: "
          + HexFormat.of().formatHex(HEADER) + ")");
    }
    HexBytes mrEnclave = HexBytes.copyOf(sig, ENCLAVE_HASH, 32);
    HexBytes mrSigner = HexBytes.of(Sha256.of(Arrays.copyOfRange(sig, MODULUS, MODULUS + 384)));
    return new Sigstruct(mrEnclave, mrSigner, u16(sig, ISV_PROD_ID), u16(sig, ISV_SVN),
        (sig[ATTRIBUTES] & 0x02) != 0);
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }
}
