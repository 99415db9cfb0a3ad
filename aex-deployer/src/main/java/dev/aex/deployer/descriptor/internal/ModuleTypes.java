package dev.aex.deployer.descriptor.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.crypto.SymmetricKey;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.ModuleCommon;
import dev.aex.deployer.descriptor.ModuleData;
import dev.aex.deployer.descriptor.NativeModule;
import dev.aex.deployer.descriptor.SancusModule;
import dev.aex.deployer.descriptor.SgxModule;
import dev.aex.deployer.descriptor.TrustZoneModule;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The type-specific fields of a module, with the original's defaults (deployer-reference.md §2.4). */
final class ModuleTypes {
  private static final List<Integer> MODULE_KEY = List.of(16);
  // The old 64-bit Sancus images have 8-byte keys.
  private static final List<Integer> SANCUS_KEY = List.of(16, 8);

  static final String AEX_RUNTIME = "aex";

  private ModuleTypes() {}

  static Optional<Module> nativeModule(Fields f, Optional<ModuleCommon> common) {
    Build b = build(f);
    Optional<Integer> port = port(f);
    boolean aexRuntime = aexRuntime(f);
    return common.map(c -> new NativeModule(c, b.folder().orElse(c.name()), b.features(), b.id(),
        port, b.binary(), b.key(), b.data(), aexRuntime));
  }

  /** {@code runtime}: written as "aex" by aex's build; absent for the original's modules. */
  private static boolean aexRuntime(Fields f) {
    if (!f.present("runtime")) {
      return false;
    }
    JsonNode v = f.value("runtime");
    if (v.isTextual() && v.textValue().equals(AEX_RUNTIME)) {
      return true;
    }
    f.wrongType("runtime", "\"" + AEX_RUNTIME + "\" (written by aex's build), or no field for a"
        + " module of the original", v);
    return false;
  }

  static Optional<Module> sgx(Fields f, Optional<ModuleCommon> common) {
    Optional<String> vendorKey = f.requiredName("vendor_key");
    Optional<String> raSettings = f.requiredName("ra_settings");
    Build b = build(f);
    Optional<Integer> port = port(f);
    Optional<String> sgxs = f.optionalString("sgxs");
    Optional<String> signature = f.optionalString("signature");
    Optional<String> mrEnclave = mrEnclave(f);
    return common.flatMap(c -> vendorKey.flatMap(v -> raSettings.map(r -> new SgxModule(c, v, r,
        b.folder().orElse(c.name()), b.features(), b.id(), port, b.binary(), sgxs, signature,
        b.key(), b.data(), mrEnclave))));
  }

  /** {@code mrenclave}: 64 hex digits, written by the build. */
  private static Optional<String> mrEnclave(Fields f) {
    if (!f.present("mrenclave")) {
      return Optional.empty();
    }
    JsonNode v = f.value("mrenclave");
    if (v.isTextual() && v.textValue().length() == 64
        && v.textValue().chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
      return Optional.of(v.textValue().toLowerCase(Locale.ROOT));
    }
    return f.wrongType("mrenclave", "64 hex digits (the enclave measurement from the build)", v);
  }

  static Optional<Module> sancus(Fields f, Optional<ModuleCommon> common) {
    Optional<List<String>> files = f.requiredStrings("files");
    List<String> cflags = f.optionalStrings("cflags").orElse(List.of());
    List<String> ldflags = f.optionalStrings("ldflags").orElse(List.of());
    Optional<String> deployName = f.optionalName("deploy_name");
    Optional<String> binary = f.optionalString("binary");
    Optional<Integer> id = id(f);
    Optional<String> symtab = f.optionalString("symtab");
    Optional<SymmetricKey> key = KeyFields.hex(f, "key", false, SANCUS_KEY);
    return common.flatMap(c -> files.map(fs -> new SancusModule(c, fs, cflags, ldflags,
        deployName.orElse(c.name()), binary, id, symtab, key)));
  }

  static Optional<Module> trustZone(Fields f, Optional<ModuleCommon> common) {
    Optional<String> folder = f.optionalName("folder");
    Optional<Integer> id = id(f);
    Optional<String> binary = f.optionalString("binary");
    Optional<BigInteger> uuid = uuid(f);
    Optional<SymmetricKey> key = KeyFields.hex(f, "key", false, MODULE_KEY);
    Optional<ModuleData> data = DataField.read(f);
    return common.map(c -> new TrustZoneModule(c, folder.orElse(c.name()), id, binary, uuid, key,
        data));
  }

  /** The fields native and SGX modules share. */
  private record Build(Optional<String> folder, List<String> features, Optional<Integer> id,
      Optional<String> binary, Optional<SymmetricKey> key, Optional<ModuleData> data) {}

  private static Build build(Fields f) {
    return new Build(f.optionalName("folder"), f.optionalStrings("features").orElse(List.of()),
        id(f), f.optionalString("binary"), KeyFields.hex(f, "key", false, MODULE_KEY),
        DataField.read(f));
  }

  private static Optional<Integer> id(Fields f) {
    return f.optionalInt("id", 0, 0xFFFF, Fields.U16);
  }

  private static Optional<Integer> port(Fields f) {
    return f.optionalInt("port", 1, 0xFFFF, Fields.POSITIVE_U16);
  }

  /** A TrustZone UUID: the original writes it as a 128-bit JSON integer. */
  private static Optional<BigInteger> uuid(Fields f) {
    if (!f.present("uuid")) {
      return Optional.empty();
    }
    JsonNode v = f.value("uuid");
    if (v.isIntegralNumber()) {
      BigInteger uuid = v.bigIntegerValue();
      if (uuid.signum() >= 0 && uuid.compareTo(TrustZoneModule.UUID_LIMIT) < 0) {
        return Optional.of(uuid);
      }
    }
    return f.wrongType("uuid", "an unsigned 128-bit integer", v);
  }
}
