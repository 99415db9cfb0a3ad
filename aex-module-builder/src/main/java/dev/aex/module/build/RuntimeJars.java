package dev.aex.module.build;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;

/**
 * Where this JVM loaded the aex artifacts from (jars, or class folders inside the aex build),
 * so that a module compiles against the same API and ships the same runtime as the deployer.
 */
record RuntimeJars(List<Path> runtime, Path processor) {
  private static final String PROCESSOR = "dev.aex.module.processor.ModuleProcessor";

  static RuntimeJars locate() throws ModuleBuildException {
    List<Path> runtime = List.of(
        origin(dev.aex.module.spi.ModuleDispatch.class),
        origin(dev.aex.wire.Bytes.class),
        origin(dev.aex.crypto.SymmetricKey.class),
        // For SGX modules in simulation: the simulated quoter (it does not need Jackson).
        origin(dev.aex.attestation.DcapQuote.class));
    try {
      return new RuntimeJars(runtime, origin(Class.forName(PROCESSOR)));
    } catch (ClassNotFoundException e) {
      throw new ModuleBuildException("the aex annotation processor (" + PROCESSOR + ") is not on"
          + " the class path; add the aex-module-processor artifact", e);
    }
  }

  private static Path origin(Class<?> type) throws ModuleBuildException {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null) {
      throw new ModuleBuildException("cannot tell where " + type.getName() + " was loaded from");
    }
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new ModuleBuildException("bad class path entry " + source.getLocation(), e);
    }
  }
}
