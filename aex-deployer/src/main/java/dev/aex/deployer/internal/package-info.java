/**
 * The flows behind {@code dev.aex.deployer.Deployer}: building, loading, attesting, keying and
 * driving modules through their nodes' event managers. Not exported; no compatibility promises.
 *
 * <p>Rules every flow follows: each network step has the settings' timeout and fails with a
 * {@code DeployerException} naming node, item and step ({@link Where}); every state change goes
 * through {@link State}, which saves the result right away; a module-key counter is saved as used
 * <em>before</em> the message that uses it is sent, so a crash can skip counters but never reuse
 * one (SECURITY.md §3).
 */
package dev.aex.deployer.internal;
