/**
 * The contract between the code that the annotation processor generates and the runtime. Public
 * only because generated code lives in the module's own package; not an API for applications.
 */
package dev.aex.module.spi;
