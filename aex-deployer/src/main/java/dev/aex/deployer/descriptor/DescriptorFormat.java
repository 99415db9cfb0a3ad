package dev.aex.deployer.descriptor;

import java.util.Locale;

/**
 * The two file formats of descriptors and results. Reading detects the format from the content
 * (JSON first, then YAML), as the original does; a result is written in the input's format unless
 * {@code --output json|yaml} says otherwise.
 */
public enum DescriptorFormat {
  JSON,
  YAML;

  /**
   * The format named by an {@code --output} value, case-insensitive.
   *
   * @throws IllegalArgumentException for anything but {@code json} and {@code yaml}
   */
  public static DescriptorFormat fromOption(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "json" -> JSON;
      case "yaml" -> YAML;
      default -> throw new IllegalArgumentException(
          "Bad deployment descriptor type: " + value + " (expected: json or yaml)");
    };
  }

  /** The option spelling, {@code json} or {@code yaml}. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
