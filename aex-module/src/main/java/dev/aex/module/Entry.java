package dev.aex.module;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An entry point: a method {@code EntryResult name(byte[] args)} that the deployer ({@code aex
 * call}) or a periodic event calls directly. Entry calls are <b>not authenticated</b> (the
 * original protocol has no key for them): never trust their arguments. Entries are numbered 5,
 * 6, … in source order (0–4 are the reserved set_key, attest, disable, handle_input and
 * handle_handler).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Entry {
  /** The entry's name; defaults to the method name in snake_case. */
  String value() default "";
}
