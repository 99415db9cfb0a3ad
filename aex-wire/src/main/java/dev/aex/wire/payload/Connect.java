package dev.aex.wire.payload;

import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.MalformedPayloadException;
import dev.aex.wire.internal.Checks;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Connect (code 0): adds or replaces a route in the event manager of a connection's source module
 * (protocol.md §1.6.1). Exactly 11 bytes:
 *
 * <pre>
 * [conn_id:2][to_sm:2][local:1][to_port:2][to_ip:4]
 * </pre>
 *
 * {@code local} is 1 when the destination module runs on the same node; decoding accepts only 0 and
 * 1. IPv4 only.
 */
public record Connect(int connId, int toSm, boolean local, int toPort, Inet4Address toIp)
    implements CommandPayload {
  private static final int SIZE = 11;

  /**
   * @throws IllegalArgumentException if an id or the port is not a u16
   */
  public Connect {
    Checks.u16(connId, "Connect conn_id");
    Checks.u16(toSm, "Connect to_sm");
    Checks.u16(toPort, "Connect to_port");
    Objects.requireNonNull(toIp, "toIp");
  }

  @Override
  public CommandCode code() {
    return CommandCode.CONNECT;
  }

  @Override
  public Bytes encode() {
    return PayloadWriter.of(SIZE)
        .u16(connId)
        .u16(toSm)
        .u8(local ? 1 : 0)
        .u16(toPort)
        .bytes(Bytes.of(toIp.getAddress()))
        .done();
  }

  /**
   * @throws MalformedPayloadException if the payload is not 11 bytes or {@code local} is not 0/1
   */
  public static Connect decode(Bytes payload) throws MalformedPayloadException {
    PayloadReader in = PayloadReader.exactly(payload, SIZE, "Connect");
    int connId = in.u16();
    int toSm = in.u16();
    int local = in.u8();
    if (local > 1) {
      throw new MalformedPayloadException("Connect local", local, "0 or 1");
    }
    return new Connect(connId, toSm, local == 1, in.u16(), ipv4(in.bytes(4)));
  }

  private static Inet4Address ipv4(Bytes address) {
    try {
      // Four bytes always make an Inet4Address, and getByAddress does no name lookup.
      return (Inet4Address) InetAddress.getByAddress(address.toByteArray());
    } catch (UnknownHostException e) {
      throw new AssertionError("4-byte address rejected", e);
    }
  }
}
