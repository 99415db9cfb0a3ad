package dev.aex.module.spi;

/**
 * Implemented by the class that the annotation processor generates for a {@code @Module} class
 * ({@code <Class>_AexDispatch}), and found by the runtime through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.aex.module.spi.ModuleDispatch}). Not for hand-written code.
 */
public interface ModuleDispatch {
  /** Every endpoint of the module with its id, as also written to {@code META-INF/aex/module.json}. */
  ModuleManifest manifest();

  /** Creates the module object and sets its output and request fields from {@code ports}. */
  ModuleInstance create(PortFactory ports);
}
