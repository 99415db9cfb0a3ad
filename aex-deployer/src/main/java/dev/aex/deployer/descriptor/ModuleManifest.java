package dev.aex.deployer.descriptor;

import java.util.Objects;

/**
 * What the deployer needs of a module's manifest ({@code META-INF/aex/module.json}, written by the
 * module SDK's annotation processor): its name and every endpoint with its id. Read one with {@link
 * ModuleManifestReader}.
 *
 * @param name the module's name in the manifest
 * @param endpoints inputs, outputs, requests, handlers and entries with their ids
 */
public record ModuleManifest(String name, ModuleData endpoints) {
  public ModuleManifest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(endpoints, "endpoints");
  }
}
