/** Helpers shared by the aex-wire packages. Not exported; no compatibility promises. */
package dev.aex.wire.internal;
