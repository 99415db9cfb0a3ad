package dev.aex.deployer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aex.attestation.AttestationException;
import dev.aex.attestation.Collateral;
import dev.aex.attestation.HexBytes;
import dev.aex.attestation.SgxPolicy;
import dev.aex.attestation.TcbPolicy;
import dev.aex.attestation.TcbStatus;
import dev.aex.attestation.simulation.SimulationCollateral;
import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.SgxMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An SGX module's {@code ra_settings} file in aex (docs/sgx.md): the DCAP policy beyond the
 * MRENCLAVE from the build, and where the collateral is.
 *
 * <pre>{@code
 * { "collateral": "collateral.json",            // dcap-qvl bundle, relative to this file; not in simulation
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
  private static final Set<String> FIELDS = Set.of("collateral", "accept_tcb_statuses",
      "accept_advisories", "allow_debug", "mrsigner", "isv_prod_id", "min_isv_svn");

  static SgxSettings read(Path file, Where where) throws DeployerException {
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw where.fail("cannot read ra_settings " + file + ": " + why(e),
          "Give a JSON file with the attestation policy (docs/sgx.md), {} for the defaults", e);
    }
    if (json == null || !json.isObject()) {
      throw where.fail("ra_settings " + file + " is not a JSON object", "Write {} for the defaults");
    }
    if (json.has("spid")) {
      throw where.fail("ra_settings " + file + " holds EPID/IAS settings (spid), which Intel has"
          + " shut down", "Write the aex DCAP settings instead (docs/sgx.md)");
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw where.fail("ra_settings " + file + ": unknown field \"" + name + "\"",
            "Expected some of " + new TreeSet<>(FIELDS));
      }
    }
    try {
      List<TcbStatus> statuses = new ArrayList<>();
      for (String s : strings(json, "accept_tcb_statuses")) {
        statuses.add(TcbStatus.fromJson(s).orElseThrow(() -> new IllegalArgumentException(
            "accept_tcb_statuses: \"" + s + "\" is not a TCB status (e.g. UpToDate, SWHardeningNeeded)")));
      }
      Optional<Path> collateral = string(json, "collateral")
          .map(c -> file.toAbsolutePath().resolveSibling(c));
      Optional<HexBytes> signer = string(json, "mrsigner").map(SgxSettings::mrSigner);
      if (signer.isEmpty() && (json.has("isv_prod_id") || json.has("min_isv_svn"))) {
        // Checked only with a signer (a product id means something only within its signer's
        // products): alone they were ignored, and attestation passed a policy never applied.
        throw new IllegalArgumentException("isv_prod_id and min_isv_svn are checked together with"
            + " mrsigner, the enclave signer's measurement: give mrsigner too");
      }
      return new SgxSettings(collateral, statuses, strings(json, "accept_advisories"),
          bool(json, "allow_debug"), signer, u16(json, "isv_prod_id"), u16(json, "min_isv_svn"));
    } catch (IllegalArgumentException e) {
      throw where.fail("ra_settings " + file + ": " + e.getMessage(), "See docs/sgx.md");
    }
  }

  /** The policy for a module built with {@code mrEnclave}; the simulation root only in simulation. */
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

  private static HexBytes mrSigner(String hex) {
    if (!hex.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("mrsigner: expected 64 hex digits (32 bytes), found \""
          + hex + "\"");
    }
    return HexBytes.fromHex(hex);
  }

  private static Optional<String> string(JsonNode json, String field) {
    JsonNode v = json.get(field);
    if (v != null && !v.isTextual()) {
      throw new IllegalArgumentException(field + ": expected a string, found " + v);
    }
    return Optional.ofNullable(v).map(JsonNode::textValue);
  }

  /** A wrong type was read as the default ("yes" as false), so the policy was not the one given. */
  private static boolean bool(JsonNode json, String field) {
    JsonNode v = json.get(field);
    if (v != null && !v.isBoolean()) {
      throw new IllegalArgumentException(field + ": expected true or false, found " + v);
    }
    return v != null && v.booleanValue();
  }

  private static int u16(JsonNode json, String field) {
    JsonNode v = json.get(field);
    if (v == null) {
      return 0;
    }
    if (!v.isIntegralNumber() || v.asLong(-1) < 0 || v.asLong(-1) > 0xFFFF) {
      throw new IllegalArgumentException(field + ": expected an integer 0..65535, found " + v);
    }
    return v.intValue();
  }

  private static List<String> strings(JsonNode json, String field) {
    JsonNode v = json.get(field);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(field + ": expected a list of strings");
    }
    List<String> out = new ArrayList<>();
    v.forEach(e -> out.add(e.asText()));
    return out;
  }
}
