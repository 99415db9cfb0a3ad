package dev.aex.wire.payload;

import java.util.Optional;

/**
 * The reserved entry-point ids (protocol.md §2.1) in the numbering of the current SGX/native
 * runtime, where user entries start at {@link #FIRST_USER_ENTRY}.
 *
 * <p>Not the same everywhere: on TrustZone, id 4 is the first user entry and 3 is reachable only
 * from the event manager; on Sancus, user entries start at 4, or lower for modules without inputs
 * (§2.2). {@link #toString} shows name and id, e.g. {@code SET_KEY(0)}.
 */
public enum ReservedEntry {
  SET_KEY(0),
  ATTEST(1),
  DISABLE(2),
  HANDLE_INPUT(3),
  HANDLE_HANDLER(4);

  /** The first user entry of SGX and native modules. */
  public static final int FIRST_USER_ENTRY = 5;

  private static final ReservedEntry[] BY_ID = values();

  private final int id;

  ReservedEntry(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  /** The reserved entry with this id; empty for user entries (and ids out of range). */
  public static Optional<ReservedEntry> fromId(int entryId) {
    return entryId >= 0 && entryId < BY_ID.length ? Optional.of(BY_ID[entryId]) : Optional.empty();
  }

  @Override
  public String toString() {
    return name() + "(" + id + ")";
  }
}
