package dev.aex.deployer;

/**
 * The state transfer of an update (deployer-reference.md §5.1): the old module's {@code entry}
 * emits its state through {@code output}, which is connected to the new module's {@code input}.
 */
public record StateTransfer(String entry, String output, String input) {}
