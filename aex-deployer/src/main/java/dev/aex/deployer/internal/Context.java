package dev.aex.deployer.internal;

import dev.aex.deployer.DeployerListener;
import dev.aex.deployer.DeployerSettings;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.Node;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** What every flow needs: the settings, the state, the workspace, and the per-module locks. */
record Context(DeployerSettings settings, State state, Workspace workspace, EmLink em,
    ConcurrentHashMap<String, ReentrantLock> moduleLocks) {

  static Context of(DeployerSettings settings, State state, Path descriptorFolder) {
    return new Context(settings, state,
        new Workspace(settings.workspace(), Optional.of(descriptorFolder)),
        new EmLink(settings.timeout()), new ConcurrentHashMap<>());
  }

  DeployerListener listener() {
    return settings.listener();
  }

  /**
   * The lock that keeps one module instance's control messages in counter order: the original
   * runtime accepts only the exact next nonce, so messages to one module must never race.
   */
  ReentrantLock lockOf(Module m) {
    return moduleLocks.computeIfAbsent(m.name() + "@" + m.id().orElse(0),
        k -> new ReentrantLock());
  }

  /** The node a module runs on: its old_node once deployed (update edits node to move it). */
  Node runsOn(Module m) {
    String name = m.common().deployed() ? m.common().oldNode() : m.node();
    return state.nodeOf(name);
  }
}
