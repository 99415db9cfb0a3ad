package dev.aex.module.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StdinWatchTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final CountDownLatch stopped = new CountDownLatch(1);

  @Test
  void stopsOnlyOnceStdinEnds() throws Exception {
    PipedOutputStream eventManager = new PipedOutputStream();
    Thread watch = StdinWatch.start(new PipedInputStream(eventManager), stopped::countDown);
    eventManager.write("whatever comes is dropped".getBytes());
    eventManager.flush();

    assertThat(stopped.await(300, TimeUnit.MILLISECONDS)).as("stopped while stdin was open").isFalse();
    eventManager.close();
    assertThat(stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(watch.join(WAIT)).isTrue();
  }

  @Test
  void anEmptyStdinStopsAtOnce() throws Exception {
    StdinWatch.start(new ByteArrayInputStream(new byte[0]), stopped::countDown);

    assertThat(stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aBrokenStdinStopsToo() throws Exception {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("broken pipe");
      }
    };
    StdinWatch.start(broken, stopped::countDown);

    assertThat(stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }
}
