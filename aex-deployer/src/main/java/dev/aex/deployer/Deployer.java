package dev.aex.deployer;

import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.DescriptorException;
import dev.aex.deployer.descriptor.DescriptorFormat;
import dev.aex.deployer.descriptor.DescriptorReader;
import dev.aex.deployer.descriptor.LoadedDescriptor;
import dev.aex.deployer.descriptor.Planner;
import dev.aex.deployer.descriptor.internal.Problems;
import dev.aex.deployer.internal.Flows;
import dev.aex.deployer.internal.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One deployment, loaded from a descriptor or result file: the operations of the original
 * {@code reactive-tools} (deployer-reference.md §1.4) as a Java API. Every operation updates the
 * state, reports it to the {@link ResultSink} after each step that changed it, and fails with a
 * {@link DeployerException} that names node, module and step.
 *
 * <p>Guarantees: every network step is bounded by {@link DeployerSettings#timeout()}; a counter
 * under a module or connection key is recorded as used (through the sink) before the message that
 * uses it is sent, so separate processes working on the same result file in turn continue where
 * the last one stopped, and a crash can skip counters but never reuse one. Connections whose ends
 * are all aex modules use the secure AES suite (SECURITY.md); a connection to an original module
 * uses the legacy suite and is reported through {@link DeployerListener#warning}. Keys are never
 * logged. A direct {@link #output} fails when the module did not take the event (dead module,
 * stale counter, unknown connection) where the event manager is an aex one; where it is an
 * original one, RemoteOutput has no reply and nothing is known. Native nodes are complete; aex
 * SGX modules are built, loaded and attested with a DCAP quote (docs/sgx.md); TrustZone and
 * Sancus modules built elsewhere can be attested, keyed, driven and disabled (and TrustZone TAs
 * loaded). Building TrustZone and Sancus modules, loading Sancus
 * ones and updating anything but aex native and SGX modules fail with "not supported yet".
 *
 * <p>Thread-safety: one operation at a time per instance; an operation itself works concurrently.
 * One instance per result file at a time: each saves its whole state at every change, so a second
 * one on the same file overwrites what the first recorded (the aex command locks the file).
 *
 * <pre>{@code
 * Deployer deployer = Deployer.open(Path.of("descriptor.json"), settings);
 * deployer.deploy(Selection.all());
 * deployer.attest(Selection.all());
 * deployer.connect(Selection.all());
 * deployer.output("init-server", HexFormat.of().parseHex("beef"));
 * }</pre>
 */
public final class Deployer {
  private final Flows flows;
  private final DescriptorFormat format;

  private Deployer(Flows flows, DescriptorFormat format) {
    this.flows = flows;
    this.format = format;
  }

  /**
   * Reads a descriptor or result file (JSON or YAML, detected as the original does), reports its
   * warnings to the listener, and assigns what it lacks: module ids and ports, native module keys,
   * connection and event ids and names (the original assigns them at load time). Endpoint names
   * are checked against the manifests of modules built before in the workspace, or the
   * result's {@code data}. Nothing is written until an operation changes the state.
   *
   * @throws DescriptorException with every problem of the file, each naming item and field
   */
  public static Deployer open(Path descriptorFile, DeployerSettings settings)
      throws DescriptorException, IOException {
    LoadedDescriptor loaded = DescriptorReader.create()
        .withManifests(new Workspace(settings.workspace()).builtManifests())
        .read(descriptorFile);
    loaded.warnings().forEach(w -> settings.listener().warning(w.toString()));
    Path folder = descriptorFile.toAbsolutePath().normalize().getParent();
    return new Deployer(new Flows(settings, plan(loaded, descriptorFile), folder),
        loaded.format());
  }

  /**
   * What only planning can find (a module's port reactive_port + id beyond 65535 once ids are
   * assigned, ids or connection ids used up) is a problem of the file, reported as the reader's.
   */
  private static Descriptor plan(LoadedDescriptor loaded, Path file) throws DescriptorException {
    try {
      return Planner.withStrongRandom().plan(loaded.descriptor());
    } catch (IllegalArgumentException e) {
      Problems problems = new Problems(file.toString());
      problems.file().error(e.getMessage());
      throw problems.toException("deployment descriptor");
    }
  }

  /** The current state; write it with {@code DescriptorWriter} to get a result file. */
  public Descriptor state() {
    return flows.state();
  }

  /** The format the descriptor was read in (the default format of the result). */
  public DescriptorFormat format() {
    return format;
  }

  /**
   * Builds the selected modules into the workspace's {@code build/<module>/} folder with the
   * module SDK, stamping id, event manager port and module key, and records {@code binary} and
   * {@code data}. An SGX module's stamp has no key (it is agreed at attestation); unless its node
   * is in simulation, its Gramine manifest is signed with {@code vendor_key}, as a debug enclave
   * in {@link BuildMode#DEBUG}. Its build also records {@code sgxs}, {@code signature} and
   * {@code mrenclave} (docs/sgx.md). Only aex (Java) native and SGX modules can be built.
   */
  public void build(Selection modules) throws DeployerException {
    flows.build(modules);
  }

  /**
   * Builds (if needed) and loads the selected modules that are not deployed yet: those with a
   * {@code priority} first, one at a time in ascending order, then the others. A module named in
   * the selection that is deployed already is an error, as in the original.
   */
  public void deploy(Selection modules) throws DeployerException {
    flows.deploy(modules);
  }

  /**
   * Attests the selected modules that are not attested yet. A native aex module must return a
   * random challenge sealed under its build-time key; a wrong key or a stale result file fails
   * with a message that says so. TrustZone and Sancus modules answer the original challenge MAC.
   * An SGX module returns a DCAP quote, verified under its {@code ra_settings} and the MRENCLAVE
   * from the build; both sides then derive the module key, and the module answers the same
   * challenge as a native one.
   */
  public void attest(Selection modules) throws DeployerException {
    flows.attest(modules);
  }

  /**
   * Establishes the selected connections (by name) that are not established yet, each with a
   * fresh key: Connect to the source node, then set_key on both ends (on the target only for a
   * direct connection). Messages to one module go in counter order, one at a time.
   */
  public void connect(Selection connections) throws DeployerException {
    flows.connect(connections);
  }

  /** Registers the selected periodic events (by name) that are not established yet. */
  public void register(Selection events) throws DeployerException {
    flows.register(events);
  }

  /** Calls an entry (by name or id) and returns its response; a non-Ok result is an exception. */
  public byte[] call(String module, String entry, byte[] argument) throws DeployerException {
    return flows.call(module, entry, argument);
  }

  /** Sends an event on a direct output→input connection (by name, or id if all digits). */
  public void output(String connection, byte[] argument) throws DeployerException {
    flows.output(connection, argument);
  }

  /** Sends a request on a direct request→handler connection and returns the decrypted reply. */
  public byte[] request(String connection, byte[] argument) throws DeployerException {
    return flows.request(connection, argument);
  }

  /**
   * Disables a module: it drops every connection key and stays loaded. Unlike the original, the
   * counter used is recorded, and the module's connections are marked not established.
   */
  public void disable(String module) throws DeployerException {
    flows.disable(module);
  }

  /** Moves a module to the node its {@code node} field names now (§5.1), re-keying its connections. */
  public void update(String module, Optional<StateTransfer> transfer) throws DeployerException {
    flows.update(List.of(module), transfer);
  }

  /**
   * Updates several modules at once, without state transfer: each new instance replaces its old
   * one in turn, then the connections of all of them are established (a connection between two
   * of them once both run), then their periodic events. This is how the modules of an event
   * manager that restarted come back, where updating them one by one fails on each connection to
   * one not updated yet:
   *
   * <pre>{@code
   * deployer.update(List.of("webserver", "db", "controller"));
   * }</pre>
   */
  public void update(List<String> modules) throws DeployerException {
    flows.update(modules, Optional.empty());
  }

  /**
   * Disables every attested module and resets every node's event manager. The state then records
   * the modules of the reset nodes as not deployed, so the same result can be deployed again.
   */
  public void reset() throws DeployerException {
    flows.reset();
  }

  /**
   * Whether each module, in the descriptor's order, runs as the result records it: every
   * deployed aex module (native, or SGX once attested) is asked, concurrently, for a fresh
   * challenge sealed under its recorded key, which only that module can answer. Original modules
   * are not asked. The counters used are recorded, as for every control message. A module that
   * does not answer is a {@link ModuleHealth.NotAnswering}, not an exception.
   */
  public List<ModuleHealth> health() throws DeployerException {
    return flows.health();
  }
}
