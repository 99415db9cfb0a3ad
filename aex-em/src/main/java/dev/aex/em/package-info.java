/**
 * The event manager's public API: {@link dev.aex.em.EventManager} (build, start, stop, inspect the
 * modules it loaded) and {@link dev.aex.em.EmMain}, the command-line entry with its option parser
 * {@link dev.aex.em.EmOptions}.
 */
package dev.aex.em;
