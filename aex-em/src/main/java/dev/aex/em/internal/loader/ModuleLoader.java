package dev.aex.em.internal.loader;

import dev.aex.em.SgxLoading;
import dev.aex.em.internal.server.Outcome;
import dev.aex.wire.Bytes;
import dev.aex.wire.LoadMessage;
import dev.aex.wire.NativeLoad;
import dev.aex.wire.ResultCode;
import dev.aex.wire.SgxLoad;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Load (3) (protocol.md §1.6.4, §3.1.3). On a native node it writes the executable to {@code
 * <tmp>/sm<N>}, makes it executable and runs it with no arguments, as the original does; so a
 * native module of the original system and an aex self-executing jar both load.
 *
 * <p>Unlike the original, the reply waits until the module listens on {@code EM_PORT + id}
 * (bounded by the load timeout), so no client has to sleep; a module that exits first gives
 * InternalError, and the log says its exit status and last stderr lines.
 */
public final class ModuleLoader {
  /** The largest write of an executable: the thread's temporary direct buffer stays as small. */
  static final int WRITE_SLICE = 64 * 1024;
  private static final Logger LOG = System.getLogger(ModuleLoader.class.getName());
  private static final Duration POLL = Duration.ofMillis(20);
  private static final Duration STOP_WAIT = Duration.ofSeconds(2);
  private static final Duration STDERR_WAIT = Duration.ofSeconds(1);
  /** Without /proc the port cannot be seen: a module alive after this long counts as started. */
  private static final Duration BLIND_GRACE = Duration.ofSeconds(1);

  private final ModuleTable table;
  private final Path folder;
  private final IntSupplier emPort;
  private final Duration timeout;
  private final Optional<SgxLoading> sgx;
  private final List<Path> path;

  /**
   * A loader of a native node, or of an SGX node when {@code sgx} is present (Loads in the SGX format, docs/sgx.md);
   * {@code path} holds the folders searched for {@code gramine-sgx}.
   */
  public ModuleLoader(ModuleTable table, Path folder, IntSupplier emPort, Duration timeout,
      Optional<SgxLoading> sgx, List<Path> path) {
    this.table = table;
    this.folder = folder;
    this.emPort = emPort;
    this.timeout = timeout;
    this.sgx = sgx;
    this.path = List.copyOf(path);
  }

  /** The folders of {@code PATH}, where {@code gramine-sgx} is looked for. */
  public static List<Path> systemPath() {
    return SgxStarter.systemPath();
  }

  /**
   * What to warn of at start: an event manager for real SGX on a machine without {@code
   * gramine-sgx} fails every Load (it started without a word, and the first deploy found out).
   */
  public Optional<String> startupWarning() {
    if (sgx.equals(Optional.of(SgxLoading.GRAMINE)) && SgxStarter.find(path).isEmpty()) {
      return Optional.of(SgxStarter.GRAMINE_SGX + " is not on the PATH: every SGX Load will fail"
          + " until Gramine with SGX support is installed on this node (for tests without SGX:"
          + " --sgx simulation, INSECURE)");
    }
    return Optional.empty();
  }

  /** Answers the Load; the connection closes after it (nothing may follow a u32-framed body). */
  public Outcome load(LoadMessage load) throws InterruptedException {
    if (load instanceof NativeLoad nativeLoad && sgx.isEmpty()) {
      return Outcome.replyAndClose(start(nativeLoad));
    }
    if (load instanceof SgxLoad sgxLoad && sgx.isPresent()) {
      return Outcome.replyAndClose(startSgx(sgxLoad, sgx.get()));
    }
    LOG.log(Level.WARNING, "Load in {0} format: this event manager loads {1}", load.format(),
        sgx.isPresent() ? "SGX modules only (started with --sgx " + sgx.get().name().toLowerCase(Locale.ROOT) + ")"
            : "native executables only (start it with --sgx gramine or --sgx simulation for an sgx node)");
    return Outcome.replyAndClose(ResultCode.ILLEGAL_PAYLOAD);
  }

  private ResultCode startSgx(SgxLoad load, SgxLoading loading) throws InterruptedException {
    int index = table.nextIndex();
    Path dir = folder.resolve("sm" + index);
    LoadedModule module;
    try {
      SgxBundle.unpack(load.sgxs(), load.signature(), dir);
      module = new LoadedModule(index, dir, Spawner.spawn(SgxStarter.command(loading, dir, path)));
    } catch (IOException e) {
      LOG.log(Level.ERROR, "SGX Load of {0} + {1} bytes: cannot start it: {2}",
          String.valueOf(load.sgxs().size()), String.valueOf(load.signature().size()), e.getMessage());
      FileTree.delete(dir, Level.DEBUG);
      return ResultCode.INTERNAL_ERROR;
    }
    if (loading == SgxLoading.SIMULATION) {
      LOG.log(Level.WARNING, "sm{0}: started in SGX SIMULATION: no enclave, no isolation (tests only)",
          String.valueOf(index));
    }
    table.add(module);
    return awaitListening(module);
  }

  private ResultCode start(NativeLoad load) throws InterruptedException {
    Bytes executable = load.executable();
    if (!load.runnable()) {
      // Not run at all: exec falls back to /bin/sh for a file the kernel cannot run, and a shell
      // reading arbitrary bytes may do anything (random bytes have created files in tests).
      LOG.log(Level.WARNING, "Load of {0} bytes: not an executable (expected: an ELF file or a"
          + " script with a #! line)", String.valueOf(executable.size()));
      return ResultCode.INTERNAL_ERROR;
    }
    int index = table.nextIndex();
    Path file = folder.resolve("sm" + index);
    LoadedModule module;
    try {
      write(file, executable);
      module = new LoadedModule(index, file, Spawner.spawn(file, folder));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Load of {0} bytes: cannot run it: {1} (expected: a Linux executable,"
          + " an ELF file or a script with a #! line)", String.valueOf(executable.size()), e.getMessage());
      deleteQuietly(file);
      return ResultCode.INTERNAL_ERROR;
    }
    table.add(module);
    return awaitListening(module);
  }

  /** ELF ({@code 7f 45 4c 46}) or {@code #!}: what the kernel itself runs. */
  private ResultCode awaitListening(LoadedModule module) throws InterruptedException {
    long end = System.nanoTime() + (ListeningPorts.supported() ? timeout : BLIND_GRACE).toNanos();
    Set<Integer> seen = Set.of();
    while (true) {
      if (ListeningPorts.supported()) {
        seen = ListeningPorts.of(module.process().toHandle());
        OptionalInt id = moduleId(seen);
        if (id.isPresent()) {
          table.listening(module, id.getAsInt());
          LOG.log(Level.INFO, "{0} loaded, listening on 127.0.0.1:{1}", module.name(), String.valueOf(emPort.getAsInt() + id.getAsInt()));
          return ResultCode.OK;
        }
      }
      if (module.process().waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
        return exitedEarly(module);
      }
      if (System.nanoTime() - end >= 0) {
        return ListeningPorts.supported() ? timedOut(module, seen) : blindlyStarted(module);
      }
    }
  }

  /** The id of the first port in {@code ports} above this event manager's own. */
  private OptionalInt moduleId(Set<Integer> ports) {
    int base = emPort.getAsInt();
    return ports.stream().filter(p -> p > base).mapToInt(p -> p - base).findFirst();
  }

  private ResultCode exitedEarly(LoadedModule module) {
    if (module.stopping()) {
      LOG.log(Level.INFO, "Load: {0} was stopped (Reset or shutdown) before it listened", module.name());
      return ResultCode.INTERNAL_ERROR;
    }
    LOG.log(Level.ERROR, "Load: {0} exited with status {1} before listening on EM_PORT + id; {2}",
        module.name(), String.valueOf(module.process().exitValue()), module.stderr().describe(STDERR_WAIT));
    table.remove(module);
    module.deleteFile();
    return ResultCode.INTERNAL_ERROR;
  }

  private ResultCode timedOut(LoadedModule module, Set<Integer> seen) {
    String ports = seen.isEmpty()
        ? "it listens on no port"
        : "it listens on " + seen + ", none above this event manager's port " + emPort.getAsInt()
            + " (was it built for another EM port?)";
    module.stop(STOP_WAIT);
    table.remove(module);
    LOG.log(Level.ERROR, "Load: {0} did not listen on EM_PORT + id within {1} s ({2}); stopped it; {3}",
        module.name(), String.valueOf(timeout.toSeconds()), ports, module.stderr().describe(STDERR_WAIT));
    return ResultCode.INTERNAL_ERROR;
  }

  private ResultCode blindlyStarted(LoadedModule module) {
    LOG.log(Level.WARNING, "{0} started; this system has no /proc/net/tcp, so readiness and its id"
        + " are not known", module.name());
    return ResultCode.OK;
  }

  private static void write(Path file, Bytes executable) throws IOException {
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      writeInSlices(out, executable);
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }

  /**
   * Writes the executable in slices of {@link #WRITE_SLICE}: a channel writes a heap buffer
   * through a temporary direct buffer of the same size, which the JDK then keeps for the thread,
   * so one write of a whole module binary left ~400 KB of native memory on each client thread
   * that had loaded one (up to 64 of them), and more in malloc arenas that kept it afterwards.
   */
  static void writeInSlices(WritableByteChannel out, Bytes executable) throws IOException {
    ByteBuffer buffer = executable.asByteBuffer();
    while (buffer.hasRemaining()) {
      int slice = Math.min(WRITE_SLICE, buffer.remaining());
      int written = out.write(buffer.slice(buffer.position(), slice));
      buffer.position(buffer.position() + written);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "cannot delete {0}: {1}", file, e.toString());
    }
  }
}
