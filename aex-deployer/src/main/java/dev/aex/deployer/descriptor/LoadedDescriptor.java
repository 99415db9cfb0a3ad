package dev.aex.deployer.descriptor;

import java.util.List;
import java.util.Objects;

/**
 * A descriptor read from a file, with the format it was in (the result is written in it by
 * default) and the warnings worth showing (unknown fields, which the original ignores silently).
 */
public record LoadedDescriptor(Descriptor descriptor, DescriptorFormat format,
    List<Problem> warnings) {
  public LoadedDescriptor {
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(format, "format");
    warnings = List.copyOf(warnings);
  }
}
