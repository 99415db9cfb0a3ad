package dev.aex.cli;

import dev.aex.deployer.descriptor.Module;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code update} command line that messages suggest. update builds from the current folder,
 * which must be the workspace that built the modules: where the user is in another, the line
 * enters the workspace first, in a subshell, with paths relative to it.
 */
final class UpdateLine {
  private UpdateLine() {}

  /**
   * {@code modules}: the module options ({@code --module db}); {@code result}: as the user gave it,
   * from {@code cwd}, unquoted; {@code cwd} and {@code workspace} absolute.
   */
  static String of(String program, Path cwd, Path workspace, String modules, String result) {
    String update = " update " + modules + " ";
    if (cwd.equals(workspace)) {
      return program + update + UpReport.quote(result);
    }
    String aex = program.contains("/") ? from(workspace, cwd, program) : program;
    return "(cd " + UpReport.quote(cwd.relativize(workspace).toString()) + " && "
        + UpReport.quote(aex) + update + UpReport.quote(from(workspace, cwd, result)) + ")";
  }

  /**
   * The workspace that built {@code modules}, from their recorded binaries
   * ({@code WORKSPACE/build/NAME/...}); empty if one has none or they disagree.
   */
  static Optional<Path> workspaceOf(List<Module> modules) {
    List<Optional<Path>> found = modules.stream().map(UpdateLine::workspaceOf).distinct().toList();
    return found.size() == 1 ? found.get(0) : Optional.empty();
  }

  private static Optional<Path> workspaceOf(Module module) {
    return module instanceof Module.Listening listening
        ? listening.binary().map(Path::of).map(Path::getParent)
            .filter(dir -> dir.endsWith(Path.of("build", module.name())))
            .map(dir -> dir.getParent().getParent().toAbsolutePath().normalize())
        : Optional.empty();
  }

  /** A path given relative to {@code cwd}, relative to {@code workspace}. */
  private static String from(Path workspace, Path cwd, String path) {
    return workspace.relativize(cwd.resolve(path).normalize()).toString();
  }
}
