package dev.aex.cli;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.DeployerSettings;
import dev.aex.deployer.Selection;
import dev.aex.deployer.descriptor.DescriptorFormat;
import dev.aex.em.LogLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What {@code aex up} and {@code aex demo} share: find or start the event managers of the
 * descriptor's nodes ({@link LocalNodes}), deploy, attest, connect and register everything,
 * record the result, say what runs and how to use it ({@link UpReport}), then wait for Ctrl-C or
 * SIGTERM and stop what was started here.
 */
abstract class UpBase implements Callable<Integer> {
  @ParentCommand AexCommand top;

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global = new GlobalOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  CliContext context;
  CliLog log;

  /** The descriptor as the user gave it (relative to the current folder). */
  abstract Path descriptor() throws CliException;

  /** {@code --result}, or null for the default beside the descriptor. */
  abstract String resultOption();

  /** {@code --workspace}, or null for the descriptor's folder. */
  abstract String workspaceOption();

  /** Whether to keep running until Ctrl-C once everything is up. */
  abstract boolean waits();

  /** The option that makes the command exit once everything is up (the opposite of waits). */
  abstract String noWaitOption();

  /** Checks before anything starts; throws to fail the command. */
  void validate() throws CliException {}

  /** What to do once everything runs and is reported; the command fails if it throws. */
  void whenUp(Up up) throws Exception {}

  /** A deployment that runs: its session, result file and event managers. */
  record Up(Session session, Path result, LocalNodes nodes, String program) {}

  @Override
  public final Integer call() throws Exception {
    context = top.context();
    GlobalOptions flags = top.begin(global);
    log = new CliLog(context.err(), flags.logLevel());
    Runnable restoreLogging = log.captureJavaLogging();
    StopSignal stop = new StopSignal(log, "interrupted before anything was up");
    try {
      run(flags, stop);
    } catch (Exception e) {
      if (!stop.stoppedBeforeUp()) {
        throw e;
      }
      // The stop said that it interrupted; this error is of a step that it cut short (the event
      // managers it stopped failed it), which would only hide that.
      return 1;
    } finally {
      stop.close();
      restoreLogging.run();
    }
    return 0;
  }

  private void run(GlobalOptions flags, StopSignal stop) throws Exception {
    Path input = descriptor();
    validate();
    ResultFile.requireInput(input);
    Path workspace = workspaceOption() != null ? context.resolve(workspaceOption())
        : input.toAbsolutePath().getParent();
    if (!Files.isDirectory(workspace)) {
      throw new CliException("Workspace " + workspace + " is not a folder");
    }
    Path result = resultOption() != null ? context.resolve(resultOption())
        : defaultResult(input, ResultFile.detect(input));
    ResultFile.requireWritable(result);
    ResultFile resultFile = new ResultFile(result, Optional.empty(), input, log);
    stop.untilUp(() -> "interrupted before " + input + " was up; " + (resultFile.saved()
        ? result + " records every step that finished"
        : "no step had finished, so " + result + " was not written"));
    // Held while this command sends under the deployment's counters, not while it only runs.
    try (ResultLock lock = ResultLock.acquire(input, result, log)) {
      deployAndRun(flags, stop, input, workspace, resultFile, lock);
    }
  }

  private void deployAndRun(GlobalOptions flags, StopSignal stop, Path input, Path workspace,
      ResultFile resultFile, ResultLock lock) throws Exception {
    Path result = resultFile.target();
    DeployerSettings settings = context.settings(workspace, log, flags)
        .withResultSink(resultFile);
    log.debug("Reading " + input);
    Session session = context.opener().open(input, settings);
    resultFile.inputFormat(session::format);
    LocalNodes nodes = LocalNodes.start(session.state(), input, emLog(flags), context.err(),
        spec.name());
    stop.onStop(nodes::close);
    String program = context.program();
    try {
      PreviousResult.requireNotLive(result, nodes, program, log);
      log.info("Deploying, attesting, connecting and registering " + input);
      bringUp(session);
      resultFile.save(session.state());
      stop.up();
      Up up = new Up(session, result, nodes, program);
      UpReport report = new UpReport(context.out(), spec.name(), program, input, result,
          context.cwd(), workspace.toAbsolutePath().normalize());
      // Without the wait, the event managers started here stop as this command exits, and the
      // commands to use the application would not reach it.
      boolean lasts = waits() || nodes.startedCount() == 0;
      report.print(session.state(), nodes, lasts);
      whenUp(up);
      lock.close();
      if (waits()) {
        runUntilStopped(stop, nodes);
      } else if (!lasts) {
        report.printStopping(nodes, noWaitOption());
      }
    } finally {
      nodes.close();
    }
  }

  private void runUntilStopped(StopSignal stop, LocalNodes nodes) {
    context.out().println();
    context.out().println("Running; stop with Ctrl-C"
        + (nodes.startedCount() > 0 ? " (it stops the event managers started here, and"
            + " their modules)." : "."));
    context.out().flush();
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Deploy, attest, connect and register. */
  private static void bringUp(Session session) throws DeployerException {
    session.deploy(Selection.all());
    session.attest(Selection.all());
    session.connect(Selection.all());
    session.register(Selection.all());
  }

  /** {@code <stem>.result.json} (or {@code .yaml}) beside the descriptor; never the descriptor. */
  static Path defaultResult(Path input, DescriptorFormat format) {
    String name = input.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return input.resolveSibling(stem + ".result." + format.optionName());
  }

  /** In-process event managers log through this command's log: quiet unless asked. */
  private static LogLevel emLog(GlobalOptions flags) {
    return flags.debug ? LogLevel.DEBUG : flags.verbose ? LogLevel.INFO : LogLevel.WARN;
  }

  /**
   * Ctrl-C or SIGTERM: a shutdown hook wakes the waiting command and stops what it started (also
   * while it is still deploying), and, until the application is up, says that it interrupted
   * that. It says so itself, since the JVM exits once its hooks are done, whatever the command
   * is doing then (building, say). Tests stop a waiting command by interrupting its thread.
   */
  static final class StopSignal {
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;
    private final CliLog log;
    private volatile Runnable onStop = () -> {};
    private Supplier<String> interruption; // guarded by this
    private boolean up; // guarded by this

    /** {@code interruption}: what a stop says until {@link #untilUp} tells more. */
    StopSignal(CliLog log, String interruption) {
      this.log = log;
      this.interruption = () -> interruption;
      hook = new Thread(this::signal, "aex-up-stop");
      Runtime.getRuntime().addShutdownHook(hook);
    }

    /** What Ctrl-C or SIGTERM does (the shutdown hook runs it). */
    void signal() {
      stopped.countDown();
      onStop.run();
      synchronized (this) {
        if (!up) {
          log.error(interruption.get());
        }
      }
    }

    /** What a stop before {@link #up} says (as an ERROR line), worked out when it comes. */
    synchronized void untilUp(Supplier<String> message) {
      interruption = message;
    }

    /** Runs {@code action} on a stop; at once if the stop came already. */
    void onStop(Runnable action) {
      onStop = action;
      if (stopping()) {
        action.run();
      }
    }

    /**
     * The application is up: a stop from now on is no interruption. Throws if one came before,
     * which said so.
     */
    synchronized void up() throws CliException {
      if (stopping()) {
        throw new CliException("interrupted before it was up");
      }
      up = true;
    }

    void await() throws InterruptedException {
      stopped.await();
    }

    /** Whether Ctrl-C or SIGTERM came. */
    boolean stopping() {
      return stopped.getCount() == 0;
    }

    /** Whether Ctrl-C or SIGTERM came before the application was up (and said so). */
    synchronized boolean stoppedBeforeUp() {
      return stopping() && !up;
    }

    void close() {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down: the hook is running or has run
      }
    }
  }
}
