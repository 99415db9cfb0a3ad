package dev.aex.attestation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.attestation.TcbStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * One TCB level of an enclave identity (QE identity, TDX module identity): the minimum ISV SVN
 * and the status with its advisories. Levels are listed newest first; the first one at or below
 * the SVN applies.
 */
public record IsvLevel(int isvSvn, TcbStatus status, List<String> advisories) {
  public IsvLevel {
    advisories = List.copyOf(advisories);
  }

  static List<IsvLevel> parseAll(JsonNode identity) {
    List<IsvLevel> out = new ArrayList<>();
    for (JsonNode level : JsonFields.array(identity, "tcbLevels")) {
      out.add(new IsvLevel(JsonFields.integer(JsonFields.field(level, "tcb"), "isvsvn"),
          JsonFields.status(level), JsonFields.advisories(level)));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no tcbLevels");
    }
    return List.copyOf(out);
  }
}
