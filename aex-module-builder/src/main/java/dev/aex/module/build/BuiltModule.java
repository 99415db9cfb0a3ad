package dev.aex.module.build;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A built module binary.
 *
 * @param binary the self-executing file (a {@code #!/bin/sh} launcher followed by a jar)
 * @param manifestJson the module's {@code META-INF/aex/module.json}: every endpoint and its id
 * @param sha256 the SHA-256 of the binary, lower-case hex; equal inputs give equal binaries
 */
public record BuiltModule(Path binary, String manifestJson, String sha256) {
  public BuiltModule {
    Objects.requireNonNull(binary, "binary");
    Objects.requireNonNull(manifestJson, "manifestJson");
    Objects.requireNonNull(sha256, "sha256");
  }
}
