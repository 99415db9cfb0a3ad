package dev.aex.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

  @Test
  void theChildsLineGivesBothReadingsOrSaysTheWakeUpWasNotMeasured() throws Exception {
    assertThat(MachineSpeed.parse("0.62 41.5\n"))
        .isEqualTo(new MachineSpeed.Reading(0.62, OptionalDouble.of(41.5)));
    assertThat(MachineSpeed.parse("0.8 -\n"))
        .isEqualTo(new MachineSpeed.Reading(0.8, OptionalDouble.empty()));
  }

  @Test
  void aLineThatIsNotTwoReadingsIsAnErrorThatQuotesIt() {
    assertThatThrownBy(() -> MachineSpeed.parse("0.62\n"))
        .hasMessageContaining("printed \"0.62\"").hasMessageContaining("two numbers expected");
    assertThatThrownBy(() -> MachineSpeed.parse("Error: x y"))
        .hasMessageContaining("printed \"Error: x y\"");
  }

  @Test
  // 5 500 round trips; a cat that stopped answering would block a read, which no interrupt ends
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void timesAWakeUpRoundTripAcrossTwoCpusWhereItCanPin() throws Exception {
    assumeThat(MachineSpeed.canPin()).as("taskset and two CPUs").isTrue();

    OptionalDouble micros = MachineSpeed.wakeRoundTripMicros();

    // A pipe round trip costs two wake-ups and four system calls: more than a microsecond
    // anywhere, and on this VM 10–100 µs; a minute would mean the loop waited on something else.
    assertThat(micros).isPresent();
    assertThat(micros.getAsDouble()).isBetween(1.0, 60_000_000.0);
  }
}
