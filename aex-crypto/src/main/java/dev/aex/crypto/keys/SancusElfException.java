package dev.aex.crypto.keys;

import java.io.IOException;

/**
 * A Sancus ELF image cannot be used: it is not a 32-bit little-endian MSP430 ELF file, a header,
 * table or string points outside the file, or the module's section or layout symbols are missing.
 * The message names the field, the value found and what was expected.
 */
public final class SancusElfException extends IOException {
  private static final long serialVersionUID = 1L;

  public SancusElfException(String message) {
    super(message);
  }
}
