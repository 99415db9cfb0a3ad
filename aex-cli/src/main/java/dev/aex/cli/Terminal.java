package dev.aex.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether this process talks to a terminal, so that progress lines stay out of scripts and logs. */
final class Terminal {
  private Terminal() {}

  static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    // Since Java 22 System.console() exists even when the streams are redirected; isTerminal()
    // (22+) tells the difference. Called reflectively: the code is compiled for Java 21.
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
