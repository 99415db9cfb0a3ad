package dev.aex.attestation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.attestation.HexBytes;
import dev.aex.attestation.TeeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Intel's TCB info (version 3, {@code id} "SGX" or "TDX") for one FMSPC. */
public record TcbInfo(
    TeeType tee,
    Instant issueDate,
    Instant nextUpdate,
    HexBytes fmspc,
    HexBytes pceId,
    int tcbEvaluationDataNumber,
    List<TcbLevel> levels,
    List<TdxModuleIdentity> tdxModules) {

  public TcbInfo {
    levels = List.copyOf(levels);
    tdxModules = List.copyOf(tdxModules);
  }

  /** Reads the JSON object; throws {@link IllegalArgumentException} naming a bad field. */
  public static TcbInfo parse(JsonNode json) {
    int version = JsonFields.integer(json, "version");
    if (version != 3) {
      throw new IllegalArgumentException("tcbInfo version " + version + " (expected: 3)");
    }
    String id = JsonFields.text(json, "id");
    TeeType tee = switch (id) {
      case "SGX" -> TeeType.SGX;
      case "TDX" -> TeeType.TDX;
      default -> throw new IllegalArgumentException("tcbInfo id '" + id + "' (expected: SGX or TDX)");
    };
    List<TcbLevel> levels = new ArrayList<>();
    for (JsonNode level : JsonFields.array(json, "tcbLevels")) {
      levels.add(TcbLevel.parse(level, tee == TeeType.TDX));
    }
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("no tcbLevels");
    }
    return new TcbInfo(tee, JsonFields.instant(json, "issueDate"),
        JsonFields.instant(json, "nextUpdate"), JsonFields.hex(json, "fmspc", 6),
        JsonFields.hex(json, "pceId", 2), JsonFields.integer(json, "tcbEvaluationDataNumber"),
        levels, tee == TeeType.TDX ? TdxModuleIdentity.parseAll(json) : List.of());
  }
}
