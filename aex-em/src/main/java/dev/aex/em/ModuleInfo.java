package dev.aex.em;

import java.util.OptionalInt;

/**
 * A module process that this event manager started through Load, as seen at one moment.
 *
 * @param index the load counter the executable's file is named after ({@code sm<index>}, as the
 *     original names it); it starts at 0 and Reset starts it again
 * @param id the module id, known once the module listens on {@code EM_PORT + id}; empty while it
 *     starts (or if it never listened)
 * @param pid the operating-system process id
 * @param alive whether the process is still running
 * @param exitStatus the exit status once the process has ended
 */
public record ModuleInfo(int index, OptionalInt id, long pid, boolean alive, OptionalInt exitStatus) {}
