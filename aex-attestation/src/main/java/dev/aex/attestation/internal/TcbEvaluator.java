package dev.aex.attestation.internal;

import dev.aex.attestation.AttestationException;
import dev.aex.attestation.Check;
import dev.aex.attestation.HexBytes;
import dev.aex.attestation.SgxReportBody;
import dev.aex.attestation.TdxReportBody;
import dev.aex.attestation.TeeType;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Finds the TCB levels that apply to a platform, its quoting enclave and (TDX) its TDX module,
 * as Intel's QVL and dcap-qvl do. Inputs are already authenticated; this only matches.
 */
public final class TcbEvaluator {
  private TcbEvaluator() {}

  /** The QE identity's level for the QE report, after checking the QE is Intel's. */
  public static IsvLevel qe(QeIdentity identity, SgxReportBody qe, TeeType tee)
      throws AttestationException {
    String expectedId = tee == TeeType.SGX ? "QE" : "TD_QE";
    if (!identity.id().equals(expectedId)) {
      throw mismatch("the QE identity is for '" + identity.id() + "' (expected: '" + expectedId
          + "' for a " + tee + " quote): pass the QE identity that matches the quote");
    }
    if (!qe.mrSigner().equals(identity.mrSigner()) || qe.isvProdId() != identity.isvProdId()) {
      throw mismatch("the QE report's MRSIGNER " + qe.mrSigner() + " / product " + qe.isvProdId()
          + " is not Intel's (expected: " + identity.mrSigner() + " / " + identity.isvProdId() + ")");
    }
    HexBytes misc = HexBytes.fromHex(String.format("%08x", qe.miscSelect()));
    if (!masked(misc, identity.miscSelect(), identity.miscSelectMask())
        || !masked(qe.attributes(), identity.attributes(), identity.attributesMask())) {
      throw mismatch("the QE report's MISCSELECT/attributes do not match the QE identity under "
          + "its masks (attributes " + qe.attributes() + ", expected " + identity.attributes() + ")");
    }
    return isvLevel(identity.levels(), qe.isvSvn(), "QE ISV SVN " + qe.isvSvn());
  }

  /** The first platform level the PCK's SVNs (and, for TDX, the TEE TCB SVN) reach. */
  public static TcbLevel platform(TcbInfo info, PckExtension pck, TeeType tee,
      Optional<TdxReportBody> td) throws AttestationException {
    if (info.tee() != tee || !info.fmspc().equals(pck.fmspc()) || !info.pceId().equals(pck.pceId())) {
      throw new AttestationException(Check.FMSPC_MISMATCH, "the TCB info is for " + info.tee()
          + " FMSPC " + info.fmspc() + " PCE-ID " + info.pceId() + ", the quote's PCK is for "
          + tee + " FMSPC " + pck.fmspc() + " PCE-ID " + pck.pceId()
          + ": fetch the TCB info for the quote's FMSPC");
    }
    for (TcbLevel level : info.levels()) {
      if (reaches(pck.componentSvns(), level.sgxComponents(), 0) && pck.pceSvn() >= level.pceSvn()
          && td.map(body -> tdxReaches(body, level)).orElse(true)) {
        return level;
      }
    }
    throw new AttestationException(Check.TCB_LEVEL_NOT_FOUND, "no TCB level of the TCB info "
        + "matches the platform (PCK component SVNs " + pck.componentSvns() + ", PCE SVN "
        + pck.pceSvn() + td.map(b -> ", TEE TCB SVN " + b.teeTcbSvn()).orElse("")
        + "): the platform's TCB is older than every level Intel lists; update it");
  }

  /** The TDX module's level, for modules of major version 1 and later (tee_tcb_svn[1] > 0). */
  public static Optional<IsvLevel> tdxModule(TcbInfo info, TdxReportBody td)
      throws AttestationException {
    int major = td.teeTcbSvn().get(1) & 0xff;
    if (major == 0) {
      return Optional.empty();
    }
    String id = String.format("TDX_%02X", major);
    TdxModuleIdentity module = info.tdxModules().stream().filter(m -> m.id().equals(id))
        .findFirst().orElseThrow(() -> new AttestationException(Check.TCB_LEVEL_NOT_FOUND,
            "the TCB info has no TDX module identity " + id));
    if (!td.mrSignerSeam().equals(module.mrSigner())
        || !masked(td.seamAttributes(), module.attributes(), module.attributesMask())) {
      throw new AttestationException(Check.TCB_LEVEL_NOT_FOUND, "the TDX module's MRSIGNER/"
          + "attributes do not match identity " + id);
    }
    int svn = td.teeTcbSvn().get(0) & 0xff;
    return Optional.of(isvLevel(module.levels(), svn, id + " ISV SVN " + svn));
  }

  private static boolean tdxReaches(TdxReportBody td, TcbLevel level) {
    List<Integer> svns = IntStream.range(0, 16).map(i -> td.teeTcbSvn().get(i) & 0xff).boxed()
        .toList();
    // With a TDX module of major version >= 1, components 0 and 1 are the module's SVN and
    // version, judged by the module identity instead.
    int from = svns.get(1) > 0 ? 2 : 0;
    return reaches(svns, level.tdxComponents(), from);
  }

  private static boolean reaches(List<Integer> actual, List<Integer> minimum, int from) {
    for (int i = from; i < minimum.size(); i++) {
      if (actual.get(i) < minimum.get(i)) {
        return false;
      }
    }
    return true;
  }

  private static IsvLevel isvLevel(List<IsvLevel> levels, int svn, String what)
      throws AttestationException {
    for (IsvLevel level : levels) {
      if (svn >= level.isvSvn()) {
        return level;
      }
    }
    throw new AttestationException(Check.TCB_LEVEL_NOT_FOUND, what
        + " is below every level of its identity: update the platform software");
  }

  private static boolean masked(HexBytes actual, HexBytes expected, HexBytes mask) {
    for (int i = 0; i < mask.size(); i++) {
      if (((actual.get(i) ^ expected.get(i)) & mask.get(i)) != 0) {
        return false;
      }
    }
    return true;
  }

  private static AttestationException mismatch(String message) {
    return new AttestationException(Check.QE_IDENTITY_MISMATCH, message);
  }
}
