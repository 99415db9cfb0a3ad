/**
 * The deployment descriptor of aex, in the schema of the original {@code reactive-tools}
 * (deployer-reference.md §2, §3).
 *
 * <ul>
 *   <li>Model: {@link Descriptor} with {@link Node}s, {@link Module}s, {@link Connection}s,
 *       {@link PeriodicEvent}s and an optional {@link Manager}. Immutable records; absent values are
 *       {@link java.util.Optional}; keys are {@link dev.aex.crypto.SymmetricKey}s, which no
 *       {@code toString} reveals.
 *   <li>Reading: {@link DescriptorReader} parses JSON or YAML, resolves host names, checks every rule
 *       and reports all problems at once in a {@link DescriptorException}.
 *   <li>Writing: {@link DescriptorWriter} writes the fully expanded result file that later commands
 *       (and the original tool) read back.
 *   <li>Planning: {@link Planner} fills in what a deployment assigns: module ids and ports,
 *       connection and event ids and names, connection keys and native module keys.
 * </ul>
 */
package dev.aex.deployer.descriptor;
