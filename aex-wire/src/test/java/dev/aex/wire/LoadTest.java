package dev.aex.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import dev.aex.testkit.FragmentedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Load framings (protocol.md §1.3, §1.6.4) and reading untrusted lengths. */
class LoadTest {
  private static final long ONE_MIB = 1024 * 1024;
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  @ParameterizedTest
  @EnumSource(
      value = LoadFormat.class,
      names = {"NATIVE", "SGX", "TRUSTZONE"})
  void lengthAboveTheCapFailsWithoutAllocating(LoadFormat format) {
    byte[] header = Bytes.fromHex("03ffffffff").toByteArray();

    long allocated =
        allocatedBy(
            () ->
                assertThatThrownBy(() -> reader(header).readCommand(format))
                    .isInstanceOfSatisfying(
                        FrameTooLongException.class,
                        e -> {
                          assertThat(e.declared()).isEqualTo(0xffffffffL);
                          assertThat(e.max()).isEqualTo(10 * ONE_MIB);
                        }));

    assertThat(allocated).isLessThan(ONE_MIB);
  }

  @ParameterizedTest
  @EnumSource(
      value = LoadFormat.class,
      names = {"NATIVE", "SGX", "TRUSTZONE"})
  void lyingLengthWithinTheCapEndsInTruncationWithoutAllocatingIt(LoadFormat format) {
    byte[] frame = Bytes.fromHex("0300a00000").concat(Bytes.of(new byte[100])).toByteArray();

    long allocated =
        allocatedBy(
            () ->
                assertThatThrownBy(() -> reader(frame).readCommand(format))
                    .isInstanceOf(TruncatedFrameException.class)
                    .hasMessageContaining("bytes before end of input (expected: "));

    assertThat(allocated).isLessThan(ONE_MIB);
  }

  /**
   * A peer that announces a full u16 body and sends four bytes made a server allocate 64 KiB for
   * it: thousands of such connections filled an event manager's heap (found by the hostile-network
   * user test). The body's buffer now grows only with what arrives.
   */
  @Test
  void anAnnouncedBodyIsNotAllocatedBeforeItArrives() {
    byte[] frame = Bytes.fromHex("01ffff00020005aabb").toByteArray();

    long allocated = allocatedBy(() -> {
      try {
        reader(frame).readCommandMessage();
        throw new AssertionError("a truncated frame was read");
      } catch (TruncatedFrameException expected) {
        // what the test wants
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });

    assertThat(allocated).isLessThan(32 * 1024);
  }

  @Test
  void theCapIsConfigurable() {
    byte[] frame = new NativeLoad(Bytes.of(new byte[101])).encode().toByteArray();
    WireReader reader = reader(frame).withLimits(ReadLimits.DEFAULT.withMaxLoadBytes(100));

    assertThatThrownBy(() -> reader.readCommand(LoadFormat.NATIVE))
        .isInstanceOf(FrameTooLongException.class)
        .hasMessage("NativeLoad exe: 101 bytes (expected: <= 100)");
  }

  @Test
  void sgxBlobsShareTheCap() {
    byte[] frame =
        new SgxLoad(Bytes.of(new byte[60]), Bytes.of(new byte[41])).encode().toByteArray();
    WireReader reader = reader(frame).withLimits(ReadLimits.DEFAULT.withMaxLoadBytes(100));

    assertThatThrownBy(() -> reader.readCommand(LoadFormat.SGX))
        .isInstanceOf(FrameTooLongException.class)
        .hasMessage("SgxLoad sig: 41 bytes (expected: <= 40)");
  }

  /** A native Load sent to an SGX node ends after its executable instead of waiting for more. */
  @ParameterizedTest
  @ValueSource(strings = {"7f454c460201", "23212f62696e2f7368"})
  void anExecutableWhereAnSgxLoadsFirstBlobBelongsIsANativeLoad(String executable)
      throws IOException {
    byte[] frame = new NativeLoad(Bytes.fromHex(executable)).encode().toByteArray();

    assertThat(reader(frame).readCommand(LoadFormat.SGX))
        .contains(new NativeLoad(Bytes.fromHex(executable)));
  }

  @Test
  void anSgxLoadWhoseBlobIsAZipOrSgxsIsReadWhole() throws IOException {
    for (String blob : List.of("504b0304", "4543524541544500")) { // "PK\3\4", "ECREATE\0"
      SgxLoad load = new SgxLoad(Bytes.fromHex(blob), Bytes.fromHex("5151"));

      assertThat(reader(load.encode().toByteArray()).readCommand(LoadFormat.SGX)).contains(load);
    }
  }

  @Test
  void trustZoneTotalMustCoverIdAndUuid() {
    assertThatThrownBy(
            () -> LoadMessage.decode(LoadFormat.TRUSTZONE, Bytes.fromHex("030000001100")))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("TrustZoneLoad total: 17 (expected: >= 18 (module_id:2 and uuid:16))");
  }

  @Test
  void loadDecodingNeedsTheLoadCode() {
    assertThatThrownBy(() -> LoadMessage.decode(LoadFormat.NATIVE, Bytes.fromHex("0100000000")))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("Load code: CALL(1) (expected: LOAD(3))");
  }

  @Test
  void largeLoadsReadInFullFromFragmentedStreams() throws IOException {
    byte[] exe = new byte[300_000];
    new java.util.Random(7).nextBytes(exe);
    NativeLoad load = new NativeLoad(Bytes.of(exe));
    byte[] frame = load.encode().toByteArray();

    assertThat(
            WireReader.of(FragmentedInputStream.randomPieces(frame, 4))
                .readCommand(LoadFormat.NATIVE))
        .contains(load);
    assertThat(WireReader.of(new ByteArrayInputStream(frame)).readCommand(LoadFormat.NATIVE))
        .contains(load);
  }

  @Test
  void trustZoneUuidTravelsBigEndian() throws Exception {
    TrustZoneLoad load =
        new TrustZoneLoad(
            7, UUID.fromString("8aaaf200-2450-11e4-abe2-0002a5d5c51b"), Bytes.fromHex("aa"));

    assertThat(load.encode().hex())
        .isEqualTo("03000000130007" + "8aaaf200245011e4abe20002a5d5c51b" + "aa");
    assertThat(LoadMessage.decode(LoadFormat.TRUSTZONE, load.encode())).isEqualTo(load);
  }

  @Test
  void sancusLoadIsReadAsACommandMessageForSancusNodes() throws Exception {
    SancusLoad load = new SancusLoad("led_driver", 0x1234, Bytes.fromHex("7f454c46"));
    byte[] frame = load.encode().toByteArray();

    assertThat(reader(frame).readCommand(LoadFormat.SANCUS)).contains(load);
    assertThat(reader(frame).readCommandMessage())
        .contains(new CommandMessage(CommandCode.LOAD, load.encodePayload()));
  }

  @Test
  void sancusLoadPayloadErrorsNameTheField() {
    assertThatThrownBy(() -> SancusLoad.decodePayload(Bytes.fromHex("6162")))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("SancusLoad name: no 0x00 terminator (expected: name then 0x00)");
    assertThatThrownBy(() -> SancusLoad.decodePayload(Bytes.fromHex("0012347f")))
        .hasMessage("SancusLoad name length: 0 (expected: >= 1)");
    assertThatThrownBy(() -> SancusLoad.decodePayload(Bytes.fromHex("610012")))
        .hasMessage("SancusLoad vendor_id length: 1 (expected: >= 2)");
    assertThatThrownBy(() -> SancusLoad.decodePayload(Bytes.fromHex("61e9001234")))
        .hasMessage("SancusLoad name byte 1: 0xe9 (expected: ASCII or 0x00)");
  }

  @Test
  void sancusLoadRefusesNamesItCannotEncode() {
    assertThatThrownBy(() -> new SancusLoad("a\0b", 1, Bytes.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SancusLoad("", 1, Bytes.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SancusLoad("m", 1, Bytes.of(new byte[65532])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SancusLoad payload length: 65536 (expected: 0..65535)");
  }

  private static WireReader reader(byte[] frame) {
    return WireReader.of(new ByteArrayInputStream(frame));
  }

  /**
   * Bytes the second run of {@code action} allocates: the first loads the classes of whatever it
   * touches (AssertJ's, when this test runs first), megabytes that are not the reader's.
   */
  private static long allocatedBy(Runnable action) {
    action.run();
    long before = THREADS.getCurrentThreadAllocatedBytes();
    action.run();
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }
}
