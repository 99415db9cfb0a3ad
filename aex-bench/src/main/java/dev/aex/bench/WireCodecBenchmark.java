package dev.aex.bench;

import dev.aex.wire.Bytes;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireReader;
import dev.aex.wire.payload.Call;
import dev.aex.wire.payload.Connect;
import dev.aex.wire.payload.Encryption;
import dev.aex.wire.payload.RemoteOutput;
import dev.aex.wire.payload.ReservedEntry;
import dev.aex.wire.payload.SealedData;
import dev.aex.wire.payload.SetKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of the reactive-net codec per message, from typed record to wire bytes and back. Decoding is
 * measured down to the typed payload (frame, then payload record), from a byte string and from a
 * stream; the stream case adds the bounded reader's per-field reads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WireCodecBenchmark {
  /** The message shapes the event manager handles most. */
  public enum Sample {
    /** An output event with 64 bytes of ciphertext and tag. */
    REMOTE_OUTPUT_64 {
      @Override
      Encoder encoder() {
        SealedData data = new SealedData(Bytes.of(new byte[48]), Bytes.of(new byte[16]));
        RemoteOutput output = new RemoteOutput(2, 1, data);
        return () -> output.toMessage().encode();
      }

      @Override
      Object decode(CommandMessage frame) throws IOException {
        return RemoteOutput.decode(frame.payload());
      }
    },
    CONNECT {
      @Override
      Encoder encoder() throws IOException {
        byte[] address = {(byte) 192, (byte) 168, 1, 10};
        Connect connect =
            new Connect(1, 2, false, 5000, (Inet4Address) InetAddress.getByAddress(address));
        return () -> connect.toMessage().encode();
      }

      @Override
      Object decode(CommandMessage frame) throws IOException {
        return Connect.decode(frame.payload());
      }
    },
    /** A Call of set_key (entry 0) with its args decoded too. */
    SET_KEY_CALL {
      @Override
      Encoder encoder() {
        SealedData key = new SealedData(Bytes.of(new byte[16]), Bytes.of(new byte[16]));
        SetKey setKey = new SetKey(Encryption.AES, 1, 16384, 0, key);
        return () -> new Call(1, ReservedEntry.SET_KEY.id(), setKey.encode()).toMessage().encode();
      }

      @Override
      Object decode(CommandMessage frame) throws IOException {
        return SetKey.decode(Call.decode(frame.payload()).args());
      }
    },
    /** An Ok reply carrying a 16-byte attestation tag. */
    OK_RESULT_16 {
      @Override
      Encoder encoder() {
        return new ResultMessage(ResultCode.OK, Bytes.of(new byte[16]))::encode;
      }

      @Override
      Object decodeFrame(Bytes frame) throws IOException {
        return ResultMessage.decode(frame);
      }

      @Override
      Object read(InputStream in) throws IOException {
        return WireReader.of(in).readResult().orElseThrow();
      }
    };

    /** Builds the typed records once; the encoder then only encodes them. */
    abstract Encoder encoder() throws IOException;

    Object decode(CommandMessage frame) throws IOException {
      return frame;
    }

    Object decodeFrame(Bytes frame) throws IOException {
      return decode(CommandMessage.decode(frame));
    }

    Object read(InputStream in) throws IOException {
      return decode(WireReader.of(in).readCommandMessage().orElseThrow());
    }
  }

  /** Turns prebuilt records into wire bytes. */
  @FunctionalInterface
  interface Encoder {
    Bytes encode();
  }

  @Param Sample sample;

  private Encoder encoder;
  private Bytes frame;
  private byte[] frameArray;

  @Setup
  public void setUp() throws IOException {
    encoder = sample.encoder();
    frame = encoder.encode();
    frameArray = frame.toByteArray();
  }

  @Benchmark
  public Bytes encode() {
    return encoder.encode();
  }

  @Benchmark
  public Object decodeFromBytes() throws IOException {
    return sample.decodeFrame(frame);
  }

  @Benchmark
  public Object decodeFromStream() throws IOException {
    return sample.read(new ByteArrayInputStream(frameArray));
  }
}
