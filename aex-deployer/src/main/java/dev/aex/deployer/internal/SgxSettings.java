package dev.aex.deployer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aex.attestation.AttestationException;
import dev.aex.attestation.Collateral;
import dev.aex.attestation.HexBytes;
import dev.aex.attestation.SgxPolicy;
import dev.aex.attestation.TcbPolicy;
import dev.aex.attestation.TcbStatus;
import dev.aex.attestation.simulation.SimulationCollateral;
import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.SgxMode;
import dev.aex.deployer.descriptor.internal.Fields;
import dev.aex.deployer.descriptor.internal.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An SGX module's {@code ra_settings} file in aex (docs/sgx.md): the DCAP policy beyond the
 * MRENCLAVE from the build, and where the collateral is.
 *
 * <pre>{@code
 * { "collateral": "collateral.json",  // dcap-qvl bundle, relative to this file; not in simulation
 *   "accept_tcb_statuses": ["SWHardeningNeeded"],  // besides UpToDate
 *   "accept_advisories": ["INTEL-SA-00615"],
 *   "allow_debug": false,
 *   "mrsigner": "<64 hex>", "isv_prod_id": 0, "min_isv_svn": 0 }
 * }</pre>
 *
 * Every field is optional, but {@code isv_prod_id} and {@code min_isv_svn} only with {@code
 * mrsigner}; a value of the wrong type is refused. The original's IAS settings (with {@code
 * spid}) are refused: EPID attestation is shut down by Intel.
 */
record SgxSettings(Optional<Path> collateral, List<TcbStatus> statuses, List<String> advisories,
    boolean allowDebug, Optional<HexBytes> mrSigner, int isvProdId, int minIsvSvn) {
  private static final Set<String> FIELDS = Fields.ordered("collateral", "accept_tcb_statuses",
      "accept_advisories", "allow_debug", "mrsigner", "isv_prod_id", "min_isv_svn");
  private static final String U16 = "an integer 0..65535";

  static SgxSettings read(Path file, Where where) throws DeployerException {
    ObjectNode json = object(file, where);
    if (json.has("spid")) {
      throw where.fail("ra_settings " + file + " holds EPID/IAS settings (spid), which Intel has"
          + " shut down", "Write the aex DCAP settings instead (docs/sgx.md)");
    }
    // Read as descriptor items are, so that every problem of the file is reported at once.
    Problems problems = new Problems(file.toString());
    Fields f = new Fields(json, problems.file(), FIELDS);
    f.checkUnknown(true);
    List<TcbStatus> statuses = f.optionalStrings("accept_tcb_statuses")
        .map(names -> statuses(names, f)).orElse(List.of());
    List<String> advisories = f.optionalStrings("accept_advisories").orElse(List.of());
    boolean allowDebug = f.optionalBool("allow_debug").orElse(false);
    Optional<Path> collateral = f.optionalName("collateral")
        .map(c -> file.toAbsolutePath().resolveSibling(c));
    Optional<HexBytes> signer = f.optionalString("mrsigner").flatMap(hex -> mrSigner(hex, f));
    int isvProdId = f.optionalInt("isv_prod_id", 0, 0xFFFF, U16).orElse(0);
    int minIsvSvn = f.optionalInt("min_isv_svn", 0, 0xFFFF, U16).orElse(0);
    if (!f.present("mrsigner") && (f.present("isv_prod_id") || f.present("min_isv_svn"))) {
      // Checked only with a signer (a product id means something only within its signer's
      // products): alone they were ignored, and attestation passed a policy never applied.
      f.report().error("isv_prod_id and min_isv_svn are checked together with mrsigner, the"
          + " enclave signer's measurement: give mrsigner too");
    }
    if (problems.errorCount() > 0) {
      throw where.fail(problems.toException("ra_settings").getMessage(), "See docs/sgx.md");
    }
    return new SgxSettings(collateral, statuses, advisories, allowDebug, signer, isvProdId,
        minIsvSvn);
  }

  /** The policy for a module built with {@code mrEnclave}; the simulation root in simulation. */
  SgxPolicy policy(HexBytes mrEnclave, SgxMode mode) {
    TcbPolicy.Builder tcb = TcbPolicy.builder()
        .acceptStatuses(statuses.toArray(TcbStatus[]::new))
        .acceptAdvisories(advisories.toArray(String[]::new));
    if (mode == SgxMode.SIMULATION) {
      tcb.allowSimulation();
    }
    SgxPolicy.Builder policy = SgxPolicy.builder().mrEnclave(mrEnclave).tcb(tcb.build());
    mrSigner.ifPresent(s -> policy.mrSigner(s, isvProdId, minIsvSvn));
    if (allowDebug) {
      policy.allowDebug();
    }
    return policy.build();
  }

  /** The collateral: the file's, or in simulation the simulation's own, valid at {@code now}. */
  Collateral collateral(SgxMode mode, Instant now, Where where) throws DeployerException {
    if (collateral.isEmpty()) {
      if (mode == SgxMode.SIMULATION) {
        return SimulationCollateral.fixed(now);
      }
      throw where.fail("ra_settings gives no \"collateral\"", "Fetch the DCAP collateral of the"
          + " node's platform (a dcap-qvl JSON bundle, e.g. from Intel PCS or the node's PCCS) and"
          + " name it in ra_settings (docs/sgx.md)");
    }
    Path file = collateral.get();
    try {
      return Collateral.fromDcapQvlJson(Files.readAllBytes(file));
    } catch (IOException e) {
      throw where.fail("cannot read the collateral " + file + ": " + why(e), "Fetch the DCAP"
          + " collateral of the node's platform and name it in ra_settings (docs/sgx.md)", e);
    } catch (AttestationException e) {
      throw where.fail("collateral " + file + ": " + e.getMessage(), "Fetch it again", e);
    }
  }

  /** What went wrong reading a file: a missing one's exception says only its name. */
  private static String why(IOException e) {
    return e instanceof NoSuchFileException ? "no such file" : e.getMessage();
  }

  private static ObjectNode object(Path file, Where where) throws DeployerException {
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw where.fail("cannot read ra_settings " + file + ": " + why(e),
          "Give a JSON file with the attestation policy (docs/sgx.md), {} for the defaults", e);
    }
    if (json instanceof ObjectNode object) {
      return object;
    }
    throw where.fail("ra_settings " + file + " is not a JSON object", "Write {} for the defaults");
  }

  private static List<TcbStatus> statuses(List<String> names, Fields f) {
    List<TcbStatus> statuses = new ArrayList<>();
    for (String name : names) {
      TcbStatus.fromJson(name).ifPresentOrElse(statuses::add, () -> f.report().error(
          "accept_tcb_statuses", "\"" + name + "\" is not a TCB status (e.g. UpToDate,"
          + " SWHardeningNeeded)"));
    }
    return statuses;
  }

  private static Optional<HexBytes> mrSigner(String hex, Fields f) {
    if (hex.matches("[0-9a-fA-F]{64}")) {
      return Optional.of(HexBytes.fromHex(hex));
    }
    return f.wrongType("mrsigner", "64 hex digits (32 bytes)", TextNode.valueOf(hex));
  }
}
