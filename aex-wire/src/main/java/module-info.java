/**
 * reactive-net framing for aex: codes, frames, Load variants, bounded stream reading and the
 * threads that serve connections ({@code dev.aex.wire}), typed payload records ({@code
 * dev.aex.wire.payload}) and kept connections between aex components ({@code dev.aex.wire.kept}).
 * JDK only.
 */
module dev.aex.wire {
  exports dev.aex.wire;
  exports dev.aex.wire.payload;
  exports dev.aex.wire.kept;
}
