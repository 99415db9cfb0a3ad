package dev.aex.module.spi;

import java.util.List;
import java.util.Objects;

/**
 * A module's endpoints with the original system's numbering (protocol.md §2.2): inputs from 0,
 * outputs from {@value #FIRST_OUTPUT}, requests from {@value #FIRST_REQUEST}, handlers from
 * {@value #FIRST_HANDLER}, user entries from {@value #FIRST_ENTRY}, each in source order.
 */
public record ModuleManifest(
    String name,
    boolean concurrent,
    List<Endpoint> inputs,
    List<Endpoint> outputs,
    List<Endpoint> requests,
    List<Endpoint> handlers,
    List<Endpoint> entries) {
  public static final int FIRST_INPUT = 0;
  public static final int FIRST_OUTPUT = 16384;
  public static final int FIRST_REQUEST = 32768;
  public static final int FIRST_HANDLER = 49152;
  public static final int FIRST_ENTRY = 5;

  public ModuleManifest {
    Objects.requireNonNull(name, "name");
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    requests = List.copyOf(requests);
    handlers = List.copyOf(handlers);
    entries = List.copyOf(entries);
  }
}
