package dev.aex.deployer;

import java.util.List;

/**
 * Which modules, connections or periodic events an operation acts on, and whether it handles them
 * one at a time in descriptor order ({@code --deploy-in-order}, {@code --attest-in-order},
 * {@code --connect-in-order}) or concurrently.
 *
 * <pre>{@code
 * deployer.attest(Selection.all());
 * deployer.connect(Selection.of(List.of("init-server")).inOrder());
 * }</pre>
 *
 * @param names the items' names; empty for every item ({@link #all()})
 * @param sequential whether they are handled one at a time, in descriptor order
 */
public record Selection(List<String> names, boolean sequential) {
  public Selection {
    names = List.copyOf(names);
  }

  /** Every item of the descriptor. */
  public static Selection all() {
    return new Selection(List.of(), false);
  }

  /**
   * Only the named items; an unknown name is an error of the operation.
   *
   * @throws IllegalArgumentException if {@code names} is empty: a list built at run time that
   *     came out empty must not act on every item ({@link #all()} says that)
   */
  public static Selection of(List<String> names) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("Selection.of(): no names given (Selection.all() selects"
          + " every item)");
    }
    return new Selection(names, false);
  }

  /** The same items, handled one at a time in descriptor order. */
  public Selection inOrder() {
    return new Selection(names, true);
  }

  public boolean isAll() {
    return names.isEmpty();
  }
}
