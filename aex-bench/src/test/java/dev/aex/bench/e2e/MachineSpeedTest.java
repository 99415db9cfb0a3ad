package dev.aex.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MachineSpeedTest {
  @Test
  void stealIsTheStolenShareOfTheTicksBetweenTwoReadings() {
    MachineSpeed.CpuTicks before = new MachineSpeed.CpuTicks(1000, 10);

    assertThat(new MachineSpeed.CpuTicks(1400, 30).stealPercentSince(before)).isEqualTo(5.0);
    assertThat(new MachineSpeed.CpuTicks(1000, 10).stealPercentSince(before)).isZero();
  }

  @Test
  void readsThisMachinesTicks() throws Exception {
    assumeThat(Files.isReadable(Path.of("/proc/stat"))).as("Linux /proc/stat").isTrue();

    MachineSpeed.CpuTicks first = MachineSpeed.cpuTicks();
    MachineSpeed.CpuTicks later = MachineSpeed.cpuTicks();

    assertThat(first.total()).isPositive().isGreaterThanOrEqualTo(first.steal());
    assertThat(first.steal()).isNotNegative();
    assertThat(later.total()).isGreaterThanOrEqualTo(first.total());
    assertThat(later.stealPercentSince(first)).isBetween(0.0, 100.0);
  }
}
