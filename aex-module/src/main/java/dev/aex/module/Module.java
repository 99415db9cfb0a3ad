package dev.aex.module;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one class of a module folder that holds its logic. The class must be a top-level,
 * non-abstract class with a constructor that takes no arguments (any access but private).
 *
 * <pre>{@code
 * @Module
 * public final class Controller {
 *   @Output("toggle_led") OutputPort toggleLed;
 *
 *   @Input
 *   void buttonPressed(byte[] data) {
 *     toggleLed.send(new byte[0]);
 *   }
 * }
 * }</pre>
 *
 * <p>The annotation processor checks every annotated member at compile time, generates the
 * dispatch class {@code <Class>_AexDispatch} (no reflection on the event path) and writes the
 * manifest {@code META-INF/aex/module.json} with every input, output, request, handler and entry
 * and its id, numbered as the original system does.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Module {
  /** The module's name; defaults to the class name in snake_case ({@code Controller} → {@code controller}). */
  String value() default "";

  /**
   * Whether events may run on several threads at once. The default, false, runs one event at a
   * time, so the module's fields need no locks. Set it to true only when the module guards its
   * own state; independent connections are then handled in parallel.
   */
  boolean concurrent() default false;
}
