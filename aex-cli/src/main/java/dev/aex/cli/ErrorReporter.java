package dev.aex.cli;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.DescriptorException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failed command's error as the original does, {@code ERROR: <message>}, and gives exit
 * status 1. A descriptor error lists every problem, one per line under the ERROR line. The stack
 * trace is shown only with {@code --debug}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  private final AexCommand top;

  ErrorReporter(AexCommand top) {
    this.top = top;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine line, ParseResult parsed) {
    PrintWriter err = line.getErr();
    err.println("ERROR: " + message(e));
    if (top.debug || top.global.debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return 1;
  }

  static String message(Throwable e) {
    if (e instanceof CliException || e instanceof DeployerException
        || e instanceof DescriptorException) {
      return e.getMessage();
    }
    if (e instanceof FileSystemException file) {
      String reason = file instanceof NoSuchFileException ? "no such file or folder"
          : file instanceof AccessDeniedException ? "permission denied"
          : file.getReason() != null ? file.getReason()
          : file.getClass().getSimpleName();
      return file.getFile() + ": " + reason;
    }
    if (e instanceof IOException) {
      return e.getMessage() == null ? e.toString() : e.getMessage();
    }
    return "internal error: " + e + " (run with --debug for the stack trace)";
  }
}
