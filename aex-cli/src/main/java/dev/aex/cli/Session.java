package dev.aex.cli;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.ModuleHealth;
import dev.aex.deployer.Selection;
import dev.aex.deployer.StateTransfer;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.DescriptorFormat;
import java.util.List;
import java.util.Optional;

/**
 * What the commands need of an opened deployment: the operations of {@link
 * dev.aex.deployer.Deployer}, behind an interface so that tests of option handling and result
 * writing can use a double instead of real event managers.
 */
interface Session {
  Descriptor state();

  DescriptorFormat format();

  void build(Selection modules) throws DeployerException;

  void deploy(Selection modules) throws DeployerException;

  void attest(Selection modules) throws DeployerException;

  void connect(Selection connections) throws DeployerException;

  void register(Selection events) throws DeployerException;

  byte[] call(String module, String entry, byte[] argument) throws DeployerException;

  void output(String connection, byte[] argument) throws DeployerException;

  byte[] request(String connection, byte[] argument) throws DeployerException;

  void disable(String module) throws DeployerException;

  /** Updates {@code modules} together; a transfer only with one module. */
  void update(List<String> modules, Optional<StateTransfer> transfer) throws DeployerException;

  void reset() throws DeployerException;

  List<ModuleHealth> health() throws DeployerException;
}
