package dev.aex.module.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs Gramine's build tools in a work folder: {@code gramine-manifest} expands the template,
 * {@code gramine-sgx-sign} measures the trusted files and signs with the vendor key, writing
 * {@code module.manifest.sgx} and {@code module.sig}.
 */
final class GramineTools {
  static final String MANIFEST_TOOL = "gramine-manifest";
  static final String SIGN_TOOL = "gramine-sgx-sign";
  private static final long TIMEOUT_MINUTES = 30;

  private GramineTools() {}

  /** Signs {@code template} in {@code folder}; returns the SIGSTRUCT's bytes. */
  static byte[] sign(Path folder, String template, SgxOptions options)
      throws ModuleBuildException, IOException {
    Path manifestTool = find(MANIFEST_TOOL, options.toolPath());
    Path signTool = find(SIGN_TOOL, options.toolPath());
    Path templateFile = folder.resolve(GramineManifest.NAME + ".manifest.template");
    Path manifest = folder.resolve(GramineManifest.NAME + ".manifest");
    Files.writeString(templateFile, template);
    run(folder, List.of(manifestTool.toString(), "-Darch_libdir=/lib/x86_64-linux-gnu",
        templateFile.toString(), manifest.toString()));
    run(folder, List.of(signTool.toString(), "--key", options.vendorKey().orElseThrow().toString(),
        "--manifest", manifest.toString(), "--output",
        GramineManifest.manifestSgx(folder).toString()));
    Path sig = GramineManifest.sig(folder);
    if (!Files.isRegularFile(sig)) {
      throw new ModuleBuildException(SIGN_TOOL + " wrote no " + sig + "; is it Gramine 1.4 or newer?");
    }
    return Files.readAllBytes(sig);
  }

  static Path find(String tool, List<Path> path) throws ModuleBuildException {
    Optional<Path> found = path.stream().map(p -> p.resolve(tool)).filter(Files::isExecutable).findFirst();
    return found.orElseThrow(() -> new ModuleBuildException(tool + " not found on the PATH ("
        + path.size() + " folders searched): building a module for a real SGX node needs Gramine"
        + " (https://gramine.readthedocs.io, packages gramine and its SGX tools). To build and run"
        + " without SGX, set the node's \"sgx_mode\": \"simulation\" (INSECURE, for tests)"));
  }

  private static void run(Path folder, List<String> command) throws ModuleBuildException, IOException {
    Path log = Files.createTempFile(folder, "tool-", ".log");
    Process process = new ProcessBuilder(command).directory(folder.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new ModuleBuildException(command.get(0) + " did not finish within " + TIMEOUT_MINUTES + " min");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ModuleBuildException(command.get(0) + " was interrupted", e);
    }
    if (process.exitValue() != 0) {
      List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
      List<String> tail = lines.subList(Math.max(0, lines.size() - 20), lines.size());
      throw new ModuleBuildException(String.join(" ", command) + " failed with status "
          + process.exitValue() + ":\n" + String.join("\n", tail));
    }
  }
}
