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
 *
 * <p>The answer goes back in one message: at most 65 511 bytes on a connection between aex modules
 * (65 535 less the cipher's nonce and tag). A longer one is refused, logged with the limit, and the
 * requester gets {@code InternalError}; answer large data in parts, e.g. by offset.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Handler {
  /** The handler's name; defaults to the method name in snake_case. */
  String value() default "";
}
