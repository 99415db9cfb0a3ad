package dev.aex.attestation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.attestation.HexBytes;
import java.time.Instant;
import java.util.List;

/**
 * Intel's identity of the quoting enclave ({@code id} "QE" for SGX, "TD_QE" for TDX), from the
 * signed {@code enclaveIdentity} JSON (version 2).
 */
public record QeIdentity(
    String id,
    Instant issueDate,
    Instant nextUpdate,
    int tcbEvaluationDataNumber,
    HexBytes miscSelect,
    HexBytes miscSelectMask,
    HexBytes attributes,
    HexBytes attributesMask,
    HexBytes mrSigner,
    int isvProdId,
    List<IsvLevel> levels) {

  public QeIdentity {
    levels = List.copyOf(levels);
  }

  /** Reads the JSON object; throws {@link IllegalArgumentException} naming a bad field. */
  public static QeIdentity parse(JsonNode json) {
    int version = JsonFields.integer(json, "version");
    if (version != 2) {
      throw new IllegalArgumentException("enclaveIdentity version " + version + " (expected: 2)");
    }
    return new QeIdentity(JsonFields.text(json, "id"),
        JsonFields.instant(json, "issueDate"), JsonFields.instant(json, "nextUpdate"),
        JsonFields.integer(json, "tcbEvaluationDataNumber"),
        JsonFields.hex(json, "miscselect", 4), JsonFields.hex(json, "miscselectMask", 4),
        JsonFields.hex(json, "attributes", 16), JsonFields.hex(json, "attributesMask", 16),
        JsonFields.hex(json, "mrsigner", 32), JsonFields.integer(json, "isvprodid"),
        IsvLevel.parseAll(json));
  }
}
