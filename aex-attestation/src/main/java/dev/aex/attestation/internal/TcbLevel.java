package dev.aex.attestation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.attestation.TcbStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One platform TCB level of a TCB info (version 3): the minimum SGX component SVNs and PCE SVN,
 * for TDX also the minimum TDX component SVNs, and the status that applies when the platform is
 * at or above all of them.
 */
public record TcbLevel(
    List<Integer> sgxComponents,
    int pceSvn,
    List<Integer> tdxComponents,
    Instant tcbDate,
    TcbStatus status,
    List<String> advisories) {

  public TcbLevel {
    sgxComponents = List.copyOf(sgxComponents);
    tdxComponents = List.copyOf(tdxComponents);
    advisories = List.copyOf(advisories);
  }

  static TcbLevel parse(JsonNode level, boolean tdx) {
    JsonNode tcb = JsonFields.field(level, "tcb");
    List<Integer> sgx = svns(tcb, "sgxtcbcomponents");
    List<Integer> tdxComponents = tdx ? svns(tcb, "tdxtcbcomponents") : List.of();
    return new TcbLevel(sgx, JsonFields.integer(tcb, "pcesvn"), tdxComponents,
        JsonFields.instant(level, "tcbDate"), JsonFields.status(level),
        JsonFields.advisories(level));
  }

  private static List<Integer> svns(JsonNode tcb, String field) {
    List<Integer> out = new ArrayList<>();
    for (JsonNode component : JsonFields.array(tcb, field)) {
      out.add(JsonFields.integer(component, "svn"));
    }
    if (out.size() != PckExtension.COMPONENTS) {
      throw new IllegalArgumentException(field + " has " + out.size() + " entries (expected: 16)");
    }
    return out;
  }
}
