/** reactive-net framing for aex: codes, messages, payload records, bounded stream reading. */
module dev.aex.wire {
  exports dev.aex.wire;
}
