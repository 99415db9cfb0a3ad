/**
 * The module API of aex: annotate one class with {@link dev.aex.module.Module} and its members
 * with {@link dev.aex.module.Input}, {@link dev.aex.module.Output}, {@link dev.aex.module.Request},
 * {@link dev.aex.module.Handler} and {@link dev.aex.module.Entry}; the runtime does the rest
 * (keys, encryption, routing through the event manager).
 */
package dev.aex.module;
