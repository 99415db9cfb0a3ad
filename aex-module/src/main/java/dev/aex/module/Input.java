package dev.aex.module;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An input: a method {@code void name(byte[] data)} called with the decrypted data of each event
 * that arrives on a connection to this input. Inputs are numbered 0, 1, … in source order.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Input {
  /** The input's name; defaults to the method name in snake_case. */
  String value() default "";
}
