package dev.aex.cli;

import dev.aex.deployer.BuildMode;
import dev.aex.deployer.descriptor.DescriptorFormat;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
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
   * {@code --arg HEX}: pairs of hex digits, either case, with whitespace allowed between the
   * bytes, as Python's {@code bytes.fromhex} reads it.
   */
  static final class Hex implements ITypeConverter<HexArgument> {
    private static final String WHITESPACE = " \t\n\u000b\f\r";

    @Override
    public HexArgument convert(String value) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length() / 2);
      int i = skipWhitespace(value, 0);
      while (i < value.length()) {
        if (i + 1 == value.length()) {
          throw notHex(value, "odd number of digits");
        }
        char high = value.charAt(i);
        char low = value.charAt(i + 1);
        if (!HexFormat.isHexDigit(high) || !HexFormat.isHexDigit(low)) {
          throw notHex(value, "'" + (HexFormat.isHexDigit(high) ? low : high) + "' at position "
              + (HexFormat.isHexDigit(high) ? i + 1 : i) + " is not a digit of a byte");
        }
        bytes.write(HexFormat.fromHexDigit(high) << 4 | HexFormat.fromHexDigit(low));
        i = skipWhitespace(value, i + 2);
      }
      return new HexArgument(bytes.toByteArray());
    }

    private static int skipWhitespace(String value, int from) {
      int i = from;
      while (i < value.length() && WHITESPACE.indexOf(value.charAt(i)) >= 0) {
        i++;
      }
      return i;
    }

    private static TypeConversionException notHex(String value, String why) {
      return new TypeConversionException("'" + value + "' is not hex: " + why
          + " (expected pairs of digits 0-9 and a-f, e.g. beef or \"be ef\")");
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

  /** {@code --timeout SECONDS}: a whole number of seconds, 1 to 3600. */
  static final class Seconds implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        int seconds = Integer.parseInt(value.strip());
        if (seconds >= 1 && seconds <= 3600) {
          return Duration.ofSeconds(seconds);
        }
      } catch (NumberFormatException e) {
        // the message below
      }
      throw new TypeConversionException("'" + value + "' is not a number of seconds from 1 to"
          + " 3600");
    }
  }
}
