package dev.aex.wire;

/**
 * The bytes received do not form a valid frame or payload. Every message has the form {@code
 * <message> <field>: <value received> (expected: <what was expected>)}, e.g. {@code Connect payload
 * length: 3 (expected: 11)}.
 *
 * <p>Decoders in aex-wire throw only subtypes of this class for bad input, never unchecked
 * exceptions, whatever the bytes.
 */
public abstract sealed class WireFormatException extends WireException
    permits TruncatedFrameException,
        FrameTooLongException,
        UnknownCodeException,
        MalformedPayloadException {
  private static final long serialVersionUID = 1L;

  WireFormatException(String field, Object value, String expected) {
    super(field + ": " + value + " (expected: " + expected + ")", null);
  }
}
