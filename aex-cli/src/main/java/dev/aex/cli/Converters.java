package dev.aex.cli;

import dev.aex.deployer.BuildMode;
import dev.aex.deployer.descriptor.DescriptorFormat;
import java.util.HexFormat;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values that the original checks; a bad one is a usage error (exit status 2). */
final class Converters {
  private Converters() {}

  /** The bytes of an {@code --arg}; copied in and out. */
  static final class HexArgument {
    static final HexArgument EMPTY = new HexArgument(new byte[0]);

    private final byte[] bytes;

    HexArgument(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public String toString() {
      return HexFormat.of().formatHex(bytes);
    }
  }

  /**
   * {@code --arg HEX}: pairs of hex digits, either case; spaces between bytes are allowed, as
   * Python's {@code bytes.fromhex} allows them.
   */
  static final class Hex implements ITypeConverter<HexArgument> {
    @Override
    public HexArgument convert(String value) {
      String digits = value.replace(" ", "");
      if (digits.length() % 2 != 0) {
        throw new TypeConversionException(
            "'" + value + "' is not hex: odd number of digits (expected pairs such as beef)");
      }
      try {
        return new HexArgument(HexFormat.of().parseHex(digits));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not hex (expected digits 0-9 and a-f, e.g. beef)");
      }
    }
  }

  /** {@code --output json|yaml}, case-insensitive, with the original's message. */
  static final class Format implements ITypeConverter<DescriptorFormat> {
    @Override
    public DescriptorFormat convert(String value) {
      try {
        return DescriptorFormat.fromOption(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code --mode debug|release}, case-insensitive, with the original's message. */
  static final class Mode implements ITypeConverter<BuildMode> {
    @Override
    public BuildMode convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "debug" -> BuildMode.DEBUG;
        case "release" -> BuildMode.RELEASE;
        default -> throw new TypeConversionException(
            "Bad BuildMode: " + value + " (expected: debug or release)");
      };
    }
  }
}
