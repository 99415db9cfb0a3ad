/**
 * Connections that stay open between aex components, negotiated so that original peers, which
 * read one command per connection, never see them: the hello ({@link dev.aex.wire.kept.AexHello})
 * and a pipelined, acknowledged event stream ({@link dev.aex.wire.kept.EventStream}).
 */
package dev.aex.wire.kept;
