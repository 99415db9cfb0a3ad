package dev.aex.module;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler: a method {@code byte[] name(byte[] data)} that answers requests arriving on a
 * connection to it; the returned bytes go back encrypted to the requester. Handlers are numbered
 * 49152, 49153, … in source order.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Handler {
  /** The handler's name; defaults to the method name in snake_case. */
  String value() default "";
}
