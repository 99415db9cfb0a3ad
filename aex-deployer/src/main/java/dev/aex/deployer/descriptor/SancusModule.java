package dev.aex.deployer.descriptor;

import dev.aex.crypto.SymmetricKey;
import java.util.List;
import java.util.Optional;

/**
 * A Sancus module (C sources compiled with sancus-cc) on a {@link SancusNode}.
 *
 * <p>Pre-deployed modules, such as the secure I/O drivers in the node's firmware, declare {@code
 * deployed: true}, {@code id} and {@code key}, with empty {@code files}; connections to them use
 * numeric endpoint ids.
 *
 * @param files the C sources ({@code files}, required; may be empty)
 * @param cflags extra compiler flags
 * @param ldflags extra linker flags
 * @param deployName the name the module is compiled and loaded under (default: the name); an update
 *     increments its trailing number
 * @param binary the unlinked ELF
 * @param id the id the event manager returned at load
 * @param symtab the symbol table file the event manager returned
 * @param key the module key derived from the linked ELF and the vendor key
 */
public record SancusModule(ModuleCommon common, List<String> files, List<String> cflags,
    List<String> ldflags, String deployName, Optional<String> binary, Optional<Integer> id,
    Optional<String> symtab, Optional<SymmetricKey> key) implements Module {
  public SancusModule {
    Checks.nonNull(common, binary, symtab, key);
    files = List.copyOf(files);
    cflags = List.copyOf(cflags);
    ldflags = List.copyOf(ldflags);
    Checks.name("deploy_name", deployName);
    id.ifPresent(v -> Checks.u16("id", v));
  }

  @Override
  public Architecture architecture() {
    return Architecture.SANCUS;
  }

  /** Always empty: Sancus endpoint ids are read from the ELF's symbols. */
  @Override
  public Optional<ModuleData> data() {
    return Optional.empty();
  }
}
