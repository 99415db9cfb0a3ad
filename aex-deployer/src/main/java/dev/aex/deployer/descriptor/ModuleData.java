package dev.aex.deployer.descriptor;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A module's endpoint names and ids: the descriptor's {@code data} map, or the endpoints of a
 * module SDK manifest. Only the sections it was given are present (TrustZone modules have inputs,
 * entrypoints and outputs only); their order is kept for writing.
 *
 * @param sections per kind, endpoint name to id
 */
public record ModuleData(Map<EndpointKind, Map<String, Integer>> sections) {
  public ModuleData {
    Map<EndpointKind, Map<String, Integer>> copy = new LinkedHashMap<>();
    sections.forEach((kind, ids) ->
        copy.put(kind, Collections.unmodifiableMap(new LinkedHashMap<>(ids))));
    sections = Collections.unmodifiableMap(copy);
  }

  /** The id of endpoint {@code name} of {@code kind}, if this data has it. */
  public Optional<Integer> id(EndpointKind kind, String name) {
    return Optional.ofNullable(sections.getOrDefault(kind, Map.of()).get(name));
  }

  /** The endpoint names of {@code kind}; empty if the section is absent. */
  public Set<String> names(EndpointKind kind) {
    return sections.getOrDefault(kind, Map.of()).keySet();
  }

  /** The kinds (other than {@code except}) that have an endpoint called {@code name}. */
  public Set<EndpointKind> kindsNamed(String name, EndpointKind except) {
    Set<EndpointKind> kinds = EnumSet.noneOf(EndpointKind.class);
    sections.forEach((kind, ids) -> {
      if (kind != except && ids.containsKey(name)) {
        kinds.add(kind);
      }
    });
    return kinds;
  }
}
