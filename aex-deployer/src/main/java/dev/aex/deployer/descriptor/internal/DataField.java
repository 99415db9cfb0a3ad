package dev.aex.deployer.descriptor.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.deployer.descriptor.EndpointKind;
import dev.aex.deployer.descriptor.ModuleData;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A module's {@code data}: per section ({@code inputs, outputs, entrypoints, handlers, requests}),
 * endpoint name to id (deployer-reference.md §3).
 */
final class DataField {
  private static final List<String> SECTIONS =
      Arrays.stream(EndpointKind.values()).map(EndpointKind::dataKey).toList();

  private DataField() {}

  static Optional<ModuleData> read(Fields f) {
    if (!f.present("data")) {
      return Optional.empty();
    }
    JsonNode data = f.value("data");
    if (!data.isObject()) {
      return f.wrongType("data", "a mapping of " + String.join(", ", SECTIONS), data);
    }
    int before = f.report().errorCount();
    Map<EndpointKind, Map<String, Integer>> sections = new LinkedHashMap<>();
    data.properties().forEach(e -> section(f.report(), e.getKey(), e.getValue())
        .ifPresent(ids -> sections.put(EndpointKind.fromDataKey(e.getKey()).orElseThrow(), ids)));
    return f.report().errorCount() > before ? Optional.empty()
        : Optional.of(new ModuleData(sections));
  }

  private static Optional<Map<String, Integer>> section(Report report, String key, JsonNode ids) {
    String field = "data." + key;
    if (EndpointKind.fromDataKey(key).isEmpty()) {
      report.warning(field, "unknown section, ignored", Suggestions.closest(key, SECTIONS));
      return Optional.empty();
    }
    if (ids.isNull()) {
      return Optional.empty();
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    if (ids.isObject()) {
      ids.properties().forEach(e -> {
        JsonNode id = e.getValue();
        if (id.isIntegralNumber() && id.canConvertToInt() && id.intValue() >= 0
            && id.intValue() <= 0xFFFF) {
          out.put(e.getKey(), id.intValue());
        } else {
          report.error(field, "endpoint \"" + e.getKey() + "\": expected an id 0..65535, found "
              + Values.describe(id));
        }
      });
      return Optional.of(out);
    }
    report.error(field, "expected a mapping of endpoint name to id, found " + Values.describe(ids));
    return Optional.empty();
  }
}
