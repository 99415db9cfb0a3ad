package dev.aex.em;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An address an event manager cannot listen on gets the hint that fits why. */
class BindFailureTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void aTakenPortAsksForAnotherPort() throws IOException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    try (ServerSocket taken = new ServerSocket(0, 1, loopback)) {
      EventManager em = EventManager.builder().host(loopback).port(taken.getLocalPort())
          .workDirectory(dir).build();
      assertThatThrownBy(em::start)
          .hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
          .hasMessageEndingWith("(is another event manager running there? choose another port"
              + " with --port or EM_PORT)");
    }
  }

  /** It said "is another event manager running there?" for an address of another machine. */
  @Test
  void anAddressOfAnotherMachineAsksForAnotherHost() throws IOException {
    InetAddress elsewhere = InetAddress.getByName("192.0.2.1"); // TEST-NET-1, never local
    EventManager em = EventManager.builder().host(elsewhere).port(0)
        .workDirectory(dir).build();
    assertThatThrownBy(em::start)
        .hasMessageStartingWith("cannot listen on 192.0.2.1:0: ")
        .hasMessageEndingWith("(it is not an address of this machine: choose one of its own with"
            + " --host, or 0.0.0.0)");
  }
}
