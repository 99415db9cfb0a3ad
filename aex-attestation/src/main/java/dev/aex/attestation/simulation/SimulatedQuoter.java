package dev.aex.attestation.simulation;

import dev.aex.attestation.HexBytes;
import dev.aex.attestation.SgxReportBody;
import dev.aex.attestation.internal.Ecdsa;
import dev.aex.attestation.internal.LeWriter;
import dev.aex.attestation.internal.Pem;
import dev.aex.attestation.internal.ReportEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.List;

/**
 * Produces SGX DCAP quotes (version 3, the layout real platforms produce) for any report body,
 * signed with the INSECURE simulation keys: the quote by the QE attestation key, the QE report by
 * the simulation PCK, whose chain ends at the simulation root CA. The QE report data binds the
 * attestation key as on real hardware (SHA-256(key || auth data)).
 *
 * <p>Such quotes verify only under a policy with {@code TcbPolicy.builder().allowSimulation()}.
 * They prove nothing about the code that asked for them: anyone holding this jar can make one.
 */
public final class SimulatedQuoter {
  private static final HexBytes INTEL_QE_VENDOR = HexBytes.fromHex("939a7233f79c4ca9940a0db3957f0607");
  private static final byte[] AUTH_DATA = authData();
  private static final int MODE64 = 0x04;
  private static final int INIT = 0x01;
  private static final int DEBUG = 0x02;

  private final PrivateKey attestationKey;
  private final HexBytes attestationPublicKey;
  private final PrivateKey pckKey;
  private final byte[] certificationData;

  private SimulatedQuoter() {
    this.attestationKey = SimulationKeys.privateKey(SimulationKeys.ATTESTATION);
    this.attestationPublicKey = SimulationKeys.attestationPublicKey();
    this.pckKey = SimulationKeys.privateKey(SimulationKeys.PCK);
    try {
      byte[] pem = Pem.encodeChain(List.of(SimulationKeys.certificate(SimulationKeys.PCK),
          SimulationKeys.certificate(SimulationKeys.PCK_CA),
          SimulationKeys.certificate(SimulationKeys.ROOT)));
      this.certificationData = new LeWriter().bytes(pem).zeros(1).toByteArray(); // NUL, as real QEs
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("simulation certificates unreadable", e);
    }
  }

  /** The quoter with the fixed, checked-in simulation keys (the same in every JVM). */
  public static SimulatedQuoter fixed() {
    return Holder.FIXED;
  }

  /**
   * A report body with INIT and MODE64 set (and DEBUG if asked), XFRM 0x07, CPU SVN and
   * MISCSELECT zero.
   */
  public static SgxReportBody body(HexBytes mrEnclave, HexBytes mrSigner, int isvProdId,
      int isvSvn, boolean debug, HexBytes reportData) {
    byte[] attributes = new byte[16];
    attributes[0] = (byte) (INIT | MODE64 | (debug ? DEBUG : 0));
    attributes[8] = 0x07;
    return new SgxReportBody(HexBytes.of(new byte[16]), 0, HexBytes.of(attributes), mrEnclave,
        mrSigner, isvProdId, isvSvn, reportData);
  }

  /** A v3 quote of {@code body}. */
  public byte[] quote(SgxReportBody body) {
    try {
      byte[] signed = new LeWriter().u16(3).u16(2).u32(0)
          .u16(SimulationPlatform.QE_SVN).u16(SimulationPlatform.PCE_SVN)
          .bytes(INTEL_QE_VENDOR).zeros(20)
          .bytes(ReportEncoder.sgx(body)).toByteArray();
      byte[] qeReport = ReportEncoder.sgx(qeReport());
      byte[] signatureData = new LeWriter()
          .bytes(Ecdsa.sign(attestationKey, signed)).bytes(attestationPublicKey)
          .bytes(qeReport).bytes(Ecdsa.sign(pckKey, qeReport))
          .u16(AUTH_DATA.length).bytes(AUTH_DATA)
          .u16(5).u32(certificationData.length).bytes(certificationData)
          .toByteArray();
      return new LeWriter().bytes(signed).u32(signatureData.length).bytes(signatureData)
          .toByteArray();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ECDSA P-256 signing failed", e);
    }
  }

  private SgxReportBody qeReport() throws GeneralSecurityException {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update(attestationPublicKey.toByteArray());
    byte[] binding = new LeWriter().bytes(sha256.digest(AUTH_DATA)).zeros(32).toByteArray();
    return new SgxReportBody(SimulationPlatform.CPU_SVN, 0, SimulationPlatform.QE_ATTRIBUTES,
        SimulationPlatform.QE_MRENCLAVE, SimulationPlatform.QE_MRSIGNER,
        SimulationPlatform.QE_PROD_ID, SimulationPlatform.QE_SVN, HexBytes.of(binding));
  }

  private static byte[] authData() {
    return "aex simulated QE auth data 0123".getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return "SimulatedQuoter[INSECURE simulation keys]";
  }

  private static final class Holder {
    static final SimulatedQuoter FIXED = new SimulatedQuoter();
  }
}
