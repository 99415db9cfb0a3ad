package dev.aex.attestation.simulation;

import static dev.aex.attestation.internal.DerWriter.concat;
import static dev.aex.attestation.internal.DerWriter.enumerated;
import static dev.aex.attestation.internal.DerWriter.integer;
import static dev.aex.attestation.internal.DerWriter.octetString;
import static dev.aex.attestation.internal.DerWriter.oid;
import static dev.aex.attestation.internal.DerWriter.sequence;

import dev.aex.attestation.HexBytes;
import dev.aex.attestation.internal.PckExtension;
import java.util.Collections;
import java.util.List;

/**
 * The made-up platform the simulation attests: its FMSPC, TCB and quoting enclave. The TCB info
 * and QE identity of {@link SimulationCollateral} describe exactly this platform as UpToDate.
 */
final class SimulationPlatform {
  static final HexBytes FMSPC = HexBytes.fromHex("0a0e0a000000");
  static final HexBytes PCE_ID = HexBytes.fromHex("0000");
  static final int PCE_SVN = 13;
  static final List<Integer> COMPONENTS = Collections.nCopies(PckExtension.COMPONENTS, 1);
  static final HexBytes CPU_SVN = HexBytes.fromHex("01010101010101010101010101010101");

  static final HexBytes QE_MRENCLAVE =
      HexBytes.fromHex("ae0051300000000000000000000000000000000000000000000000000000000e");
  static final HexBytes QE_MRSIGNER =
      HexBytes.fromHex("ae0051300000000000000000000000000000000000000000000000000000005e");
  static final int QE_PROD_ID = 1;
  static final int QE_SVN = 10;
  /** INIT and PROVISION_KEY set (as Intel's QE), XFRM 0xe7. */
  static final HexBytes QE_ATTRIBUTES = HexBytes.fromHex("1100000000000000e700000000000000");

  private SimulationPlatform() {}

  /** The DER of the SGX extension value for the simulated PCK (see {@link PckExtension}). */
  static byte[] pckExtension() {
    String base = PckExtension.OID;
    byte[] tcb = new byte[0];
    for (int i = 0; i < COMPONENTS.size(); i++) {
      tcb = concat(tcb, sequence(oid(base + ".2." + (i + 1)), integer(COMPONENTS.get(i))));
    }
    tcb = concat(tcb, sequence(oid(base + ".2.17"), integer(PCE_SVN)),
        sequence(oid(base + ".2.18"), octetString(CPU_SVN.toByteArray())));
    return sequence(
        sequence(oid(base + ".1"), octetString(new byte[16])),
        sequence(oid(base + ".2"), sequence(tcb)),
        sequence(oid(base + ".3"), octetString(PCE_ID.toByteArray())),
        sequence(oid(base + ".4"), octetString(FMSPC.toByteArray())),
        sequence(oid(base + ".5"), enumerated(0)));
  }
}
