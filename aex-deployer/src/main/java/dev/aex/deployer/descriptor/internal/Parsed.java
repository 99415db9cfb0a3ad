package dev.aex.deployer.descriptor.internal;

import java.util.Optional;

/**
 * An item and what it parsed into; empty when it had errors. Cross-checks still see the item's
 * name, so that one bad module does not also make every connection to it "unknown".
 */
public record Parsed<T>(Item item, Optional<T> value) {}
