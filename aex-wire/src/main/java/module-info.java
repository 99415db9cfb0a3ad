/**
 * reactive-net framing for aex: codes, frames, Load variants, bounded stream reading ({@code
 * dev.aex.wire}) and typed payload records ({@code dev.aex.wire.payload}). JDK only.
 */
module dev.aex.wire {
  exports dev.aex.wire;
  exports dev.aex.wire.payload;
  exports dev.aex.wire.kept;
}
