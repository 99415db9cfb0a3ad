package dev.aex.examples;

import dev.aex.module.testing.FakeEm;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;

/** The examples' process tests: one fake EM for all, answering nothing and empty before each test. */
abstract class ExampleTest {
  final FakeEm em = Examples.em();

  @BeforeEach
  void quietEm() {
    em.respondWith(command -> Optional.empty());
    em.discardReceived();
  }
}
