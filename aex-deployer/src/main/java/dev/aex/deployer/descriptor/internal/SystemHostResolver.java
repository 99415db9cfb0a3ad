package dev.aex.deployer.descriptor.internal;

import dev.aex.deployer.descriptor.HostResolver;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@link HostResolver#system()}: the original's resolve_ip (RT:tools.py), IPv4 for names. */
public final class SystemHostResolver implements HostResolver {
  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  @Override
  public Optional<String> resolve(String host) {
    if (IPV4.matcher(host).matches()) {
      return Optional.of(host);
    }
    try {
      if (host.contains(":")) {
        // An IPv6 literal: getByName parses it without a lookup.
        return Optional.of(InetAddress.getByName(host).getHostAddress());
      }
      return Arrays.stream(InetAddress.getAllByName(host))
          .filter(a -> a instanceof Inet4Address)
          .map(InetAddress::getHostAddress)
          .findFirst();
    } catch (UnknownHostException | SecurityException e) {
      return Optional.empty();
    }
  }
}
