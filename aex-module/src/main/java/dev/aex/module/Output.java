package dev.aex.module;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An output: a non-private, non-final field of type {@link OutputPort} that the runtime sets
 * before the first event. Outputs are numbered 16384, 16385, … in source order.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Output {
  /** The output's name; defaults to the field name in snake_case. */
  String value() default "";
}
