package dev.aex.deployer.descriptor;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of module endpoint, with their spellings in the descriptor's {@code data} map
 * (deployer-reference.md §3) and in the module SDK's {@code META-INF/aex/module.json}.
 */
public enum EndpointKind {
  INPUT("inputs", "inputs", "input"),
  OUTPUT("outputs", "outputs", "output"),
  ENTRY("entrypoints", "entries", "entry"),
  HANDLER("handlers", "handlers", "handler"),
  REQUEST("requests", "requests", "request");

  private final String dataKey;
  private final String manifestKey;
  private final String singular;

  EndpointKind(String dataKey, String manifestKey, String singular) {
    this.dataKey = dataKey;
    this.manifestKey = manifestKey;
    this.singular = singular;
  }

  /** The key in the descriptor's {@code data} map, e.g. {@code "entrypoints"}. */
  public String dataKey() {
    return dataKey;
  }

  /** The key in the module SDK's manifest, e.g. {@code "entries"}. */
  public String manifestKey() {
    return manifestKey;
  }

  /** The singular noun for messages, e.g. {@code "handler"}. */
  public String singular() {
    return singular;
  }

  /** The singular noun with its article, e.g. {@code "an input"}. */
  public String withArticle() {
    return (this == INPUT || this == ENTRY ? "an " : "a ") + singular;
  }

  /** The kind whose {@code data} key is {@code key}. */
  public static Optional<EndpointKind> fromDataKey(String key) {
    return Arrays.stream(values()).filter(k -> k.dataKey.equals(key)).findFirst();
  }
}
