package dev.aex.wire;

import dev.aex.testkit.FragmentedInputStream;
import dev.aex.wire.payload.Attest;
import dev.aex.wire.payload.Call;
import dev.aex.wire.payload.CommandPayload;
import dev.aex.wire.payload.Connect;
import dev.aex.wire.payload.Disable;
import dev.aex.wire.payload.EntryCall;
import dev.aex.wire.payload.EventArgs;
import dev.aex.wire.payload.ModuleOutput;
import dev.aex.wire.payload.RegisterEntrypoint;
import dev.aex.wire.payload.RemoteOutput;
import dev.aex.wire.payload.RemoteRequest;
import dev.aex.wire.payload.Reset;
import dev.aex.wire.payload.SancusLoadReply;
import dev.aex.wire.payload.SancusSetKey;
import dev.aex.wire.payload.SealedData;
import dev.aex.wire.payload.SetKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Every decoder and stream reader of aex-wire, for tests that feed them arbitrary bytes. */
final class AllDecoders {
  @FunctionalInterface
  interface Decoder {
    Object decode(Bytes input) throws IOException;
  }

  @FunctionalInterface
  interface StreamRead {
    Optional<?> read(WireReader reader) throws IOException;
  }

  record Named(String name, Decoder decoder) {}

  private AllDecoders() {}

  static List<Named> all() {
    List<Named> all =
        new ArrayList<>(
            List.of(
                new Named("CommandMessage", CommandMessage::decode),
                new Named("ResultMessage", ResultMessage::decode),
                new Named("Message", Message::decode),
                new Named("Connect", Connect::decode),
                new Named("Call", Call::decode),
                new Named("RemoteOutput", RemoteOutput::decode),
                new Named("RemoteRequest", RemoteRequest::decode),
                new Named("ModuleOutput", ModuleOutput::decode),
                new Named("RegisterEntrypoint", RegisterEntrypoint::decode),
                new Named("Reset", Reset::decode),
                new Named("EntryCall", EntryCall::decode),
                new Named("EventArgs", EventArgs::decode),
                new Named("SetKey", SetKey::decode),
                new Named("SancusSetKey", SancusSetKey::decode),
                new Named("Attest", Attest::decode),
                new Named("Disable", Disable::decode),
                new Named("SancusLoad payload", SancusLoad::decodePayload),
                new Named("SancusLoadReply", SancusLoadReply::decode),
                new Named("SealedData", b -> SealedData.split(b, "data")),
                new Named("CommandPayload", b -> CommandPayload.decode(CommandMessage.decode(b)))));
    for (LoadFormat format : LoadFormat.values()) {
      all.add(new Named("Load " + format, b -> LoadMessage.decode(format, b)));
      all.add(streamed("readCommand " + format, r -> r.readCommand(format)));
    }
    all.add(streamed("readCommandMessage", WireReader::readCommandMessage));
    all.add(streamed("readResult", WireReader::readResult));
    all.add(streamed("readMessage", WireReader::readMessage));
    return all;
  }

  /** Reads frames until the stream ends, whole and one byte at a time. */
  private static Named streamed(String name, StreamRead read) {
    return new Named(
        name,
        b -> {
          readAll(b, ByteArrayInputStream::new, read);
          return readAll(b, FragmentedInputStream::oneByteAtATime, read);
        });
  }

  private static int readAll(Bytes input, Function<byte[], InputStream> source, StreamRead read)
      throws IOException {
    WireReader reader = WireReader.of(source.apply(input.toByteArray()));
    int frames = 0;
    while (read.read(reader).isPresent()) {
      frames++;
    }
    return frames;
  }
}
