package dev.aex.deployer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Deployer} works: the workspace that module folders and file paths in the
 * descriptor are relative to, the timeout of every network step, where progress goes and where the
 * state is recorded.
 *
 * <pre>{@code
 * DeployerSettings settings = DeployerSettings.defaults(Path.of("examples/fosdem"))
 *     .withListener(listener)
 *     .withResultSink(ResultSink.toFile(result, DescriptorFormat.JSON));
 * }</pre>
 */
public record DeployerSettings(
    Path workspace,
    Duration timeout,
    BuildMode mode,
    DeployerListener listener,
    ResultSink resultSink,
    CounterLedger counterLedger) {

  /**
   * @throws NullPointerException naming the setting that is null
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   */
  public DeployerSettings {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(listener, "listener (DeployerListener.silent() for none)");
    Objects.requireNonNull(resultSink, "resultSink (ResultSink.discard() for none)");
    Objects.requireNonNull(counterLedger, "counterLedger (CounterLedger.none() for none)");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected: more than zero)");
    }
  }

  /** The default timeout of one network step (a Load includes the module's start-up). */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public static DeployerSettings defaults(Path workspace) {
    return new DeployerSettings(
        workspace, DEFAULT_TIMEOUT, BuildMode.DEBUG, DeployerListener.silent(),
        ResultSink.discard(), CounterLedger.none());
  }

  public DeployerSettings withTimeout(Duration timeout) {
    return new DeployerSettings(workspace, timeout, mode, listener, resultSink, counterLedger);
  }

  public DeployerSettings withMode(BuildMode mode) {
    return new DeployerSettings(workspace, timeout, mode, listener, resultSink, counterLedger);
  }

  public DeployerSettings withListener(DeployerListener listener) {
    return new DeployerSettings(workspace, timeout, mode, listener, resultSink, counterLedger);
  }

  public DeployerSettings withResultSink(ResultSink resultSink) {
    return new DeployerSettings(workspace, timeout, mode, listener, resultSink, counterLedger);
  }

  /**
   * Where the counters used under each key are kept besides the result file, so that a stale copy
   * of it never seals with a counter used already (default: none; the aex command keeps one per
   * user, docs/cli.md).
   */
  public DeployerSettings withCounterLedger(CounterLedger counterLedger) {
    return new DeployerSettings(workspace, timeout, mode, listener, resultSink, counterLedger);
  }
}
