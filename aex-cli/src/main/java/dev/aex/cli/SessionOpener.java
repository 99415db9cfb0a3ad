package dev.aex.cli;

import dev.aex.deployer.Deployer;
import dev.aex.deployer.DeployerException;
import dev.aex.deployer.DeployerSettings;
import dev.aex.deployer.ModuleHealth;
import dev.aex.deployer.Selection;
import dev.aex.deployer.StateTransfer;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.DescriptorException;
import dev.aex.deployer.descriptor.DescriptorFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Opens a descriptor or result file as a {@link Session}; {@link #deployer()} is the real one. */
@FunctionalInterface
interface SessionOpener {
  Session open(Path descriptor, DeployerSettings settings) throws DescriptorException, IOException;

  /** Sessions over {@link Deployer}. */
  static SessionOpener deployer() {
    return (descriptor, settings) -> new DeployerSession(Deployer.open(descriptor, settings));
  }

  /** Delegates every operation to a {@link Deployer}. */
  record DeployerSession(Deployer deployer) implements Session {
    @Override
    public Descriptor state() {
      return deployer.state();
    }

    @Override
    public DescriptorFormat format() {
      return deployer.format();
    }

    @Override
    public void build(Selection modules) throws DeployerException {
      deployer.build(modules);
    }

    @Override
    public void deploy(Selection modules) throws DeployerException {
      deployer.deploy(modules);
    }

    @Override
    public void attest(Selection modules) throws DeployerException {
      deployer.attest(modules);
    }

    @Override
    public void connect(Selection connections) throws DeployerException {
      deployer.connect(connections);
    }

    @Override
    public void register(Selection events) throws DeployerException {
      deployer.register(events);
    }

    @Override
    public byte[] call(String module, String entry, byte[] argument) throws DeployerException {
      return deployer.call(module, entry, argument);
    }

    @Override
    public void output(String connection, byte[] argument) throws DeployerException {
      deployer.output(connection, argument);
    }

    @Override
    public byte[] request(String connection, byte[] argument) throws DeployerException {
      return deployer.request(connection, argument);
    }

    @Override
    public void disable(String module) throws DeployerException {
      deployer.disable(module);
    }

    @Override
    public void update(List<String> modules, Optional<StateTransfer> transfer)
        throws DeployerException {
      if (modules.size() == 1) {
        deployer.update(modules.get(0), transfer);
      } else {
        deployer.update(modules); // UpdateCommand takes a transfer with one module only
      }
    }

    @Override
    public void reset() throws DeployerException {
      deployer.reset();
    }

    @Override
    public List<ModuleHealth> health() throws DeployerException {
      return deployer.health();
    }
  }
}
