package dev.aex.module.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * A module's log line: {@code aex-module LEVEL: message}, one line per record, LEVEL the
 * {@link java.util.logging.Level}'s name (never translated); further lines of the message and the
 * stack trace of a failure follow, each indented by two spaces. An aex event manager reads that
 * form: it shows each line at the level of its record, so a module's warnings are the event
 * manager's warnings. Unlike the JDK's SimpleFormatter it never asks for the caller's class and
 * method, which walks the stack on every record: with a log line per event, that was most of a
 * module's CPU time (BENCHMARKS.md, end to end).
 */
final class OneLineLogFormat extends Formatter {
  @Override
  public String format(LogRecord record) {
    StringBuilder line = new StringBuilder(96)
        .append("aex-module ").append(record.getLevel().getName()).append(": ");
    String message = formatMessage(record);
    if (message.indexOf('\n') < 0) {
      line.append(message);
    } else {
      appendIndented(line, message);
    }
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.append(System.lineSeparator());
      appendIndented(line, "  " + trace.toString().stripTrailing());
    }
    return line.append(System.lineSeparator()).toString();
  }

  /** {@code text}'s lines, the second and later indented, so that all belong to the record. */
  private static void appendIndented(StringBuilder line, String text) {
    String separator = "";
    for (String part : (Iterable<String>) text.lines()::iterator) {
      line.append(separator).append(part);
      separator = System.lineSeparator() + "  ";
    }
  }
}
