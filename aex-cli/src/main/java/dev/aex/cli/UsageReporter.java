package dev.aex.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error, as argparse reports one in the original: the command's synopsis, then
 * {@code aex <command>: error: <what is wrong>}, a hint to {@code --help}, and exit status 2.
 */
final class UsageReporter implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine line = e.getCommandLine();
    PrintWriter err = line.getErr();
    err.print("Usage: " + line.getHelp().synopsis("Usage: ".length()));
    // picocli starts some messages with its own "Error: ", which would follow ours
    String message = String.valueOf(e.getMessage()).replaceFirst("^Error: ", "");
    err.println(line.getCommandSpec().qualifiedName() + ": error: " + message);
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return line.getCommandSpec().exitCodeOnInvalidInput();
  }
}
