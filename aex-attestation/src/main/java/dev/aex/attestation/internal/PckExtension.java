package dev.aex.attestation.internal;

import dev.aex.attestation.AttestationException;
import dev.aex.attestation.Check;
import dev.aex.attestation.HexBytes;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/**
 * Intel's SGX extension of a PCK certificate (OID {@value #OID}): a SEQUENCE of (OID, value)
 * pairs, of which verification needs the TCB (16 component SVNs {@code .2.1}..{@code .2.16}, PCE
 * SVN {@code .2.17}, CPU SVN {@code .2.18}), the PCE id {@code .3}, the FMSPC {@code .4} and the
 * SGX type {@code .5}.
 */
public record PckExtension(
    HexBytes fmspc, HexBytes pceId, int pceSvn, List<Integer> componentSvns, HexBytes cpuSvn,
    int sgxType) {
  public static final String OID = "1.2.840.113741.1.13.1";
  public static final int COMPONENTS = 16;

  public PckExtension {
    componentSvns = List.copyOf(componentSvns);
  }

  public static PckExtension of(X509Certificate pck) throws AttestationException {
    byte[] value = pck.getExtensionValue(OID);
    if (value == null) {
      throw new AttestationException(Check.PCK_CHAIN, "the PCK certificate has no SGX extension "
          + OID + " (is this a PCK certificate?)");
    }
    try {
      return decode(Der.parse(Der.parse(value).expect(Der.OCTET_STRING).content()));
    } catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException e) {
      throw new AttestationException(Check.PCK_CHAIN,
          "the PCK certificate's SGX extension is malformed: " + e.getMessage(), e);
    }
  }

  private static PckExtension decode(Der root) {
    HexBytes fmspc = null;
    HexBytes pceId = null;
    Der tcb = null;
    int sgxType = -1;
    for (Der pair : root.expect(Der.SEQUENCE).children()) {
      List<Der> kv = pair.expect(Der.SEQUENCE).children();
      switch (kv.get(0).oid().substring(OID.length())) {
        case ".2" -> tcb = kv.get(1).expect(Der.SEQUENCE);
        case ".3" -> pceId = HexBytes.of(kv.get(1).expect(Der.OCTET_STRING).content());
        case ".4" -> fmspc = HexBytes.of(kv.get(1).expect(Der.OCTET_STRING).content());
        case ".5" -> sgxType = kv.get(1).expect(Der.ENUMERATED).integer().intValueExact();
        default -> { } // PPID, platform instance id, configuration: not needed to verify
      }
    }
    if (fmspc == null || fmspc.size() != 6 || pceId == null || pceId.size() != 2 || tcb == null) {
      throw new IllegalArgumentException("FMSPC, PCE-ID or TCB missing or of the wrong size");
    }
    return withTcb(tcb, fmspc, pceId, sgxType);
  }

  private static PckExtension withTcb(Der tcb, HexBytes fmspc, HexBytes pceId, int sgxType) {
    Integer[] svns = new Integer[COMPONENTS];
    int pceSvn = -1;
    HexBytes cpuSvn = null;
    for (Der pair : tcb.children()) {
      List<Der> kv = pair.expect(Der.SEQUENCE).children();
      int arc = Integer.parseInt(kv.get(0).oid().substring((OID + ".2.").length()));
      if (arc >= 1 && arc <= COMPONENTS) {
        svns[arc - 1] = kv.get(1).expect(Der.INTEGER).integer().intValueExact();
      } else if (arc == COMPONENTS + 1) {
        pceSvn = kv.get(1).expect(Der.INTEGER).integer().intValueExact();
      } else if (arc == COMPONENTS + 2) {
        cpuSvn = HexBytes.of(kv.get(1).expect(Der.OCTET_STRING).content());
      }
    }
    List<Integer> components = Arrays.stream(svns).map(s -> s == null ? -1 : s).toList();
    if (components.contains(-1) || pceSvn < 0 || cpuSvn == null) {
      throw new IllegalArgumentException("TCB lacks a component SVN, the PCE SVN or the CPU SVN");
    }
    return new PckExtension(fmspc, pceId, pceSvn, components, cpuSvn, sgxType);
  }
}
