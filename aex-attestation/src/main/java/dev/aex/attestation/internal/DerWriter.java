package dev.aex.attestation.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes DER values. Used for ECDSA signature conversion and by the simulation provider to build
 * test certificates, CRLs and the PCK extension without a third-party ASN.1 library.
 */
public final class DerWriter {
  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
  private static final DateTimeFormatter GENERALIZED_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

  private DerWriter() {}

  public static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = length < 0x100 ? 1 : length < 0x10000 ? 2 : 3;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  public static byte[] sequence(byte[]... items) {
    return tlv(Der.SEQUENCE, concat(items));
  }

  public static byte[] set(byte[]... items) {
    return tlv(0x31, concat(items));
  }

  public static byte[] integer(BigInteger value) {
    return tlv(Der.INTEGER, value.toByteArray());
  }

  public static byte[] integer(long value) {
    return integer(BigInteger.valueOf(value));
  }

  public static byte[] octetString(byte[] value) {
    return tlv(Der.OCTET_STRING, value);
  }

  public static byte[] enumerated(int value) {
    return tlv(Der.ENUMERATED, BigInteger.valueOf(value).toByteArray());
  }

  public static byte[] utf8(String value) {
    return tlv(0x0c, value.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] bitString(byte[] value) {
    byte[] content = new byte[value.length + 1];
    System.arraycopy(value, 0, content, 1, value.length);
    return tlv(0x03, content);
  }

  public static byte[] bool(boolean value) {
    return tlv(0x01, new byte[] {(byte) (value ? 0xff : 0)});
  }

  /** An explicit context-specific tag around {@code inner}. */
  public static byte[] explicit(int number, byte[] inner) {
    return tlv(0xa0 | number, inner);
  }

  /** UTCTime before 2050, GeneralizedTime from 2050 on (RFC 5280 4.1.2.5). */
  public static byte[] time(ZonedDateTime time) {
    ZonedDateTime utc = time.withZoneSameInstant(ZoneOffset.UTC);
    return utc.getYear() < 2050
        ? tlv(0x17, UTC_TIME.format(utc).getBytes(StandardCharsets.US_ASCII))
        : tlv(0x18, GENERALIZED_TIME.format(utc).getBytes(StandardCharsets.US_ASCII));
  }

  public static byte[] oid(String dotted) {
    String[] arcs = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    base128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
    for (int i = 2; i < arcs.length; i++) {
      base128(out, Long.parseLong(arcs[i]));
    }
    return tlv(Der.OID, out.toByteArray());
  }

  private static void base128(ByteArrayOutputStream out, long value) {
    int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 6) / 7);
    for (int i = groups - 1; i >= 0; i--) {
      int group = (int) (value >>> (7 * i)) & 0x7f;
      out.write(i > 0 ? group | 0x80 : group);
    }
  }

  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
