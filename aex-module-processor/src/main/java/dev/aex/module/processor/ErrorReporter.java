package dev.aex.module.processor;

import java.io.PrintWriter;
import java.io.StringWriter;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one way the processor reports errors: through {@link Messager}, each message starting with
 * a stable {@code [AexTag]}. Counting the errors lets a caller tell whether one class was clean
 * without stopping at the first mistake.
 */
final class ErrorReporter {
  private final Messager messager;
  private int errorCount;

  ErrorReporter(Messager messager) {
    this.messager = messager;
  }

  /** Reports an error on {@code element}, pointing at {@code annotation}. */
  void error(String tag, Element element, AnnotationMirror annotation, String message) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, format(tag, message), element, annotation);
  }

  /** Reports an error that belongs to the whole compilation rather than to one element. */
  void error(String tag, String message) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, format(tag, message));
  }

  /** Reports a bug of the processor itself, with the stack trace, instead of crashing javac. */
  void internalError(RuntimeException bug) {
    StringWriter trace = new StringWriter();
    bug.printStackTrace(new PrintWriter(trace));
    error(
        "AexInternalError",
        "the aex annotation processor failed; this is a bug in aex, not in your code, please"
            + " report it with this message: "
            + trace);
  }

  int errorCount() {
    return errorCount;
  }

  private static String format(String tag, String message) {
    return "[" + tag + "] " + message;
  }
}
