package dev.aex.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every small corruption of a byte string that an authenticated decoder must reject: each single
 * bit flipped, each truncation, and one extra byte at the end.
 */
public final class Mutations {
  private Mutations() {}

  /** A corrupted copy and a description of what was changed, for assertion messages. */
  public record Mutation(String description, byte[] bytes) {
    @Override
    public String toString() {
      return description;
    }
  }

  public static List<Mutation> of(byte[] original) {
    List<Mutation> out = new ArrayList<>(bitFlips(original));
    for (int len = 0; len < original.length; len++) {
      out.add(new Mutation("truncated to " + len + " bytes", Arrays.copyOf(original, len)));
    }
    out.add(new Mutation("one extra byte", Arrays.copyOf(original, original.length + 1)));
    return out;
  }

  public static List<Mutation> bitFlips(byte[] original) {
    List<Mutation> out = new ArrayList<>();
    for (int bit = 0; bit < original.length * 8; bit++) {
      byte[] copy = original.clone();
      copy[bit / 8] ^= (byte) (1 << (bit % 8));
      out.add(new Mutation("bit " + bit + " flipped", copy));
    }
    return out;
  }
}
