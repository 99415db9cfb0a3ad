package dev.aex.em.internal.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ListeningPortsTest {
  @Test
  void readsListeningSocketsOfTheGivenInodesFromIpv4AndIpv6Lines() {
    Set<Integer> ports = new TreeSet<>();
    Set<String> inodes = Set.of("4711", "815");
    ListeningPorts.addListening(
        "   0: 0100007F:1389 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4711 1 0000",
        inodes, ports);
    ListeningPorts.addListening(
        "   1: 00000000000000000000000000000000:1771 00000000000000000000000000000000:0000 0A 00000000:00000000"
            + " 00:00000000 00000000  1000        0 815 1 0000",
        inodes, ports);
    ListeningPorts.addListening(
        "   2: 0100007F:1388 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000  1000        0 4711 1",
        inodes, ports); // established, not listening
    ListeningPorts.addListening(
        "   3: 0100007F:1390 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 999 1",
        inodes, ports); // another process's socket

    assertThat(ports).containsExactly(5001, 6001);
  }

  @Test
  void findsTheListenerOfALiveProcess() throws Exception {
    assumeTrue(ListeningPorts.supported(), "needs Linux /proc/net/tcp");
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

      assertThat(ListeningPorts.of(ProcessHandle.current())).contains(server.getLocalPort());
    }
  }
}
