/** Primitives shared by the suites; not exported, so only this module's suites choose IVs. */
package dev.aex.crypto.internal;
