package dev.aex.deployer.descriptor;

import java.util.Objects;

/**
 * The descriptor's {@code manager} entry (deployer-reference.md §2.7). Since 2021-08 it is the path
 * of a separate JSON or YAML file ({@link File}, read with {@link DescriptorReader#readManager});
 * before, it was an inline object ({@link Inline}), which aex still reads and writes back as is.
 */
public sealed interface Manager {
  /** {@code manager: "manager.yaml"}: the path of the manager file, as written. */
  record File(String path) implements Manager {
    public File {
      Checks.name("manager", path);
    }
  }

  /** {@code manager: {host, port, key}}: the historic inline form. */
  record Inline(ManagerSettings settings) implements Manager {
    public Inline {
      Objects.requireNonNull(settings, "settings");
    }
  }
}
