package dev.aex.module;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request: a non-private, non-final field of type {@link RequestPort} that the runtime sets
 * before the first event. Requests are numbered 32768, 32769, … in source order.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Request {
  /** The request's name; defaults to the field name in snake_case. */
  String value() default "";
}
