package dev.aex.cli;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.DeployerSettings;
import dev.aex.deployer.ModuleHealth;
import dev.aex.deployer.Selection;
import dev.aex.deployer.StateTransfer;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.DescriptorFormat;
import dev.aex.deployer.descriptor.DescriptorReader;
import dev.aex.deployer.descriptor.LoadedDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A test double of a deployment: reads the descriptor for real (so result files are real), records
 * each operation with its arguments, reports a step to the listener and the result sink as the
 * deployer does, and fails when told to.
 */
final class FakeDeployment implements SessionOpener {
  final List<String> calls = new ArrayList<>();
  Path opened;
  DeployerSettings settings;
  Descriptor state;
  DescriptorFormat format;
  byte[] response = new byte[0];
  List<ModuleHealth> health = List.of();
  boolean saveOnHealth = true;
  String failWith;
  boolean saveBeforeFailing;
  /** Saves each step's state twice, which a command that saves only its counter refuses. */
  boolean saveTwice;
  /** Runs after a step's save, before the step ends: a module that takes its time, say. */
  Runnable afterSave = () -> {};

  @Override
  public Session open(Path descriptor, DeployerSettings settings) throws dev.aex.deployer.descriptor.DescriptorException {
    this.opened = descriptor;
    this.settings = settings;
    LoadedDescriptor loaded = DescriptorReader.create().read(descriptor);
    this.state = loaded.descriptor();
    this.format = loaded.format();
    return new FakeSession();
  }

  private void step(String call, String label) throws DeployerException {
    calls.add(call);
    settings.listener().started(call.split(" ")[0], call);
    settings.listener().info("doing " + call);
    if (failWith != null) {
      if (saveBeforeFailing) {
        save();
      }
      throw new DeployerException(failWith);
    }
    save();
    if (saveTwice) {
      save();
    }
    afterSave.run();
    settings.listener().finished(label, Duration.ofMillis(412));
  }

  private void save() throws DeployerException {
    try {
      settings.resultSink().save(state);
    } catch (java.io.IOException e) {
      throw new DeployerException("save: " + e.getMessage(), e);
    }
  }

  private static String sel(Selection s) {
    return (s.isAll() ? "all" : String.join(",", s.names())) + (s.sequential() ? " in-order" : "");
  }

  final class FakeSession implements Session {
    @Override
    public Descriptor state() {
      return state;
    }

    @Override
    public DescriptorFormat format() {
      return format;
    }

    @Override
    public void build(Selection modules) throws DeployerException {
      calls.add("build " + sel(modules) + " " + settings.mode());
      settings.listener().finished("Build time for m", Duration.ofMillis(5));
    }

    @Override
    public void deploy(Selection modules) throws DeployerException {
      step("deploy " + sel(modules) + " " + settings.mode(), "Deploy time for db");
    }

    @Override
    public void attest(Selection modules) throws DeployerException {
      step("attest " + sel(modules), "Attest time for db");
    }

    @Override
    public void connect(Selection connections) throws DeployerException {
      step("connect " + sel(connections), "Establish time for c");
    }

    @Override
    public void register(Selection events) throws DeployerException {
      step("register " + sel(events), "Register time for e");
    }

    @Override
    public byte[] call(String module, String entry, byte[] argument) throws DeployerException {
      calls.add("call " + module + " " + entry + " " + java.util.HexFormat.of().formatHex(argument));
      if (failWith != null) {
        throw new DeployerException(failWith);
      }
      return response.clone();
    }

    @Override
    public void output(String connection, byte[] argument) throws DeployerException {
      step("output " + connection + " " + java.util.HexFormat.of().formatHex(argument),
          "Output time for " + connection);
    }

    @Override
    public byte[] request(String connection, byte[] argument) throws DeployerException {
      step("request " + connection + " " + java.util.HexFormat.of().formatHex(argument),
          "Request time for " + connection);
      return response.clone();
    }

    @Override
    public void disable(String module) throws DeployerException {
      step("disable " + module, "Disable time for " + module);
    }

    @Override
    public void update(List<String> modules, Optional<StateTransfer> transfer)
        throws DeployerException {
      String names = String.join(", ", modules);
      step("update " + names + " " + transfer.map(Object::toString).orElse("-"),
          "Update time for " + names);
    }

    @Override
    public void reset() throws DeployerException {
      calls.add("reset");
      if (failWith != null) {
        throw new DeployerException(failWith);
      }
    }

    @Override
    public List<ModuleHealth> health() throws DeployerException {
      if (saveOnHealth) {
        step("health", "Health time");
      } else {
        calls.add("health");
      }
      return health;
    }
  }
}
