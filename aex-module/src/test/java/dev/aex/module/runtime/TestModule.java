package dev.aex.module.runtime;

import dev.aex.module.EntryResult;
import dev.aex.module.OutputPort;
import dev.aex.module.RequestFailedException;
import dev.aex.module.RequestPort;
import dev.aex.module.spi.Endpoint;
import dev.aex.module.spi.ModuleDispatch;
import dev.aex.module.spi.ModuleInstance;
import dev.aex.module.spi.ModuleManifest;
import dev.aex.module.spi.PortFactory;
import dev.aex.module.spi.UnknownEndpointException;
import dev.aex.wire.Bytes;
import dev.aex.wire.ResultCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A module written the way the annotation processor generates one: a manifest and switches. */
final class TestModule implements ModuleDispatch {
  static final int IN_RECORD = 0;
  static final int IN_THROW = 1;
  static final int IN_MISSING = 7; // in the input range, but no such input
  static final int OUT = 16384;
  static final int REQ = 32768;
  static final int H_ECHO = 49152;
  static final int H_THROW = 49153;
  static final int H_ASK = 49154; // asks its own request and answers with the reply
  static final int H_NULL = 49155; // a handler method that returns null
  static final int H_BIG = 49156; // answers more than one reply holds
  static final int H_MISSING = 49160;
  static final int E_ECHO = 5;
  static final int E_FAIL = 6;
  static final int E_THROW = 7;
  static final int E_ASK = 8;
  static final int E_SEND = 9;
  static final int E_LINKAGE = 10; // as a module whose jar lacks a class it uses

  final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
  private final boolean concurrent;

  TestModule(boolean concurrent) {
    this.concurrent = concurrent;
  }

  TestModule() {
    this(false);
  }

  /** The data of the next input call; fails after a few seconds. */
  byte[] nextInput() throws InterruptedException {
    byte[] data = received.poll(5, TimeUnit.SECONDS);
    if (data == null) {
      throw new AssertionError("no input reached the module within 5 s");
    }
    return data;
  }

  @Override
  public ModuleManifest manifest() {
    return new ModuleManifest(
        "test_module",
        concurrent,
        List.of(new Endpoint("record", IN_RECORD), new Endpoint("boom", IN_THROW)),
        List.of(new Endpoint("out", OUT)),
        List.of(new Endpoint("ask", REQ)),
        List.of(new Endpoint("echo", H_ECHO), new Endpoint("boom_handler", H_THROW),
            new Endpoint("ask_handler", H_ASK), new Endpoint("null_answer", H_NULL),
            new Endpoint("big_answer", H_BIG)),
        List.of(
            new Endpoint("echo_entry", E_ECHO),
            new Endpoint("fail", E_FAIL),
            new Endpoint("throw_entry", E_THROW),
            new Endpoint("ask_entry", E_ASK),
            new Endpoint("send", E_SEND),
            new Endpoint("missing_class", E_LINKAGE)));
  }

  @Override
  public ModuleInstance create(PortFactory ports) {
    return new Instance(ports.output(OUT), ports.request(REQ));
  }

  private final class Instance implements ModuleInstance {
    private final OutputPort out;
    private final RequestPort ask;

    Instance(OutputPort out, RequestPort ask) {
      this.out = out;
      this.ask = ask;
    }

    @Override
    public void input(int inputId, byte[] data) throws Exception {
      switch (inputId) {
        case IN_RECORD -> received.add(data);
        case IN_THROW -> throw new IllegalStateException("input failed on purpose");
        default -> throw new UnknownEndpointException("input", inputId);
      }
    }

    @Override
    public byte[] handle(int handlerId, byte[] data) throws Exception {
      return switch (handlerId) {
        case H_ECHO -> concat("echo:", data);
        case H_THROW -> throw new IllegalStateException("handler failed on purpose");
        case H_ASK -> ask.call(data);
        case H_NULL -> null;
        case H_BIG -> new byte[70_000];
        default -> throw new UnknownEndpointException("handler", handlerId);
      };
    }

    @Override
    public EntryResult entry(int entryId, byte[] args) throws Exception {
      return switch (entryId) {
        case E_ECHO -> EntryResult.ok(args);
        case E_FAIL -> new EntryResult(ResultCode.GENERIC_ERROR, Bytes.of(args));
        case E_THROW -> throw new IllegalArgumentException("entry failed on purpose");
        case E_LINKAGE -> throw new NoClassDefFoundError("com/example/Missing");
        case E_ASK -> askEntry(args);
        case E_SEND -> sendEntry(args);
        default -> throw new UnknownEndpointException("entry", entryId);
      };
    }

    private EntryResult askEntry(byte[] args) {
      try {
        return EntryResult.ok(ask.call(args));
      } catch (RequestFailedException e) {
        return new EntryResult(ResultCode.GENERIC_ERROR, utf8(e.reason().name()));
      }
    }

    private EntryResult sendEntry(byte[] args) {
      try {
        out.send(args);
        return EntryResult.ok();
      } catch (IllegalArgumentException e) {
        return new EntryResult(ResultCode.GENERIC_ERROR, utf8(e.getMessage()));
      }
    }
  }

  static byte[] concat(String prefix, byte[] data) {
    byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
    byte[] out = Arrays.copyOf(p, p.length + data.length);
    System.arraycopy(data, 0, out, p.length, data.length);
    return out;
  }

  static Bytes utf8(String text) {
    return Bytes.of(text.getBytes(StandardCharsets.UTF_8));
  }
}
