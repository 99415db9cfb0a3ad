package dev.aex.module.build;

import dev.aex.crypto.SymmetricKey;
import dev.aex.module.testing.FakeEm;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code counter} module built once per test class into a real binary, stamped with
 * {@link #MODULE_KEY} and the port of a fake event manager that runs for the whole class.
 */
abstract class CounterBinaryFixture {
  static final SymmetricKey MODULE_KEY = SymmetricKey.random16();

  @TempDir static Path out;
  static FakeEm em;
  static CounterBinary counter;

  @BeforeAll
  static void build() throws Exception {
    em = new FakeEm();
    counter = CounterBinary.build(out, em.port(), MODULE_KEY, false);
  }

  @AfterAll
  static void closeEm() {
    em.close();
  }
}
