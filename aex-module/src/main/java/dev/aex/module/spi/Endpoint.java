package dev.aex.module.spi;

import java.util.Objects;

/** One named endpoint of a module and its protocol id. */
public record Endpoint(String name, int id) {
  public Endpoint {
    Objects.requireNonNull(name, "name");
    if (id < 0 || id > 0xFFFF) {
      throw new IllegalArgumentException("endpoint id: " + id + " (expected: 0 to 65535)");
    }
  }
}
