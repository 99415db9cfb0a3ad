package dev.aex.crypto.keys;

import java.util.Arrays;

/**
 * What identifies a Sancus protected module (protocol.md §5.4.1): its code, the raw bytes of
 * section {@code .text.sm.<name>}, and its layout, the values of {@code
 * __sm_<name>_{public,secret}_{start,end}}. Immutable; {@link #text()} and {@link #identity()}
 * return copies.
 *
 * <p>Not guaranteed: the values are those of the ELF it was read from. After the event manager
 * relocates the module, only an ELF re-linked at the load address gives the right identity.
 */
public final class SancusModule {
  private final String name;
  private final byte[] text;
  private final long sectionAddress;
  private final long sectionFileOffset;
  private final int publicStart;
  private final int publicEnd;
  private final int secretStart;
  private final int secretEnd;

  SancusModule(String name, byte[] text, long sectionAddress, long sectionFileOffset,
      int publicStart, int publicEnd, int secretStart, int secretEnd) {
    this.name = name;
    this.text = text;
    this.sectionAddress = sectionAddress;
    this.sectionFileOffset = sectionFileOffset;
    this.publicStart = publicStart;
    this.publicEnd = publicEnd;
    this.secretStart = secretStart;
    this.secretEnd = secretEnd;
  }

  /**
   * {@code text || LE16(public_start) || LE16(public_end) || LE16(secret_start) ||
   * LE16(secret_end)}: the message the module key is the SpongentMAC of.
   */
  public byte[] identity() {
    byte[] out = Arrays.copyOf(text, text.length + 8);
    int[] layout = {publicStart, publicEnd, secretStart, secretEnd};
    for (int i = 0; i < layout.length; i++) {
      out[text.length + 2 * i] = (byte) layout[i];
      out[text.length + 2 * i + 1] = (byte) (layout[i] >>> 8);
    }
    return out;
  }

  public String name() {
    return name;
  }

  /** A copy of the section's bytes. */
  public byte[] text() {
    return text.clone();
  }

  public int textLength() {
    return text.length;
  }

  /** The section's load address ({@code sh_addr}). */
  public long sectionAddress() {
    return sectionAddress;
  }

  /** Where the section's bytes start in the ELF file ({@code sh_offset}). */
  public long sectionFileOffset() {
    return sectionFileOffset;
  }

  public int publicStart() {
    return publicStart;
  }

  public int publicEnd() {
    return publicEnd;
  }

  public int secretStart() {
    return secretStart;
  }

  public int secretEnd() {
    return secretEnd;
  }

  @Override
  public String toString() {
    return String.format("SancusModule[%s, text %d bytes at 0x%x, public 0x%x-0x%x, secret 0x%x-0x%x]",
        name, text.length, sectionAddress, publicStart, publicEnd, secretStart, secretEnd);
  }
}
