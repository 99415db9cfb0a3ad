package dev.aex.deployer.flows;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.legacy.LegacyZeroIvAesGcm;
import dev.aex.crypto.spongent.SpongeWrap;
import dev.aex.crypto.spongent.SpongentMac;
import dev.aex.crypto.spongent.SpongentVariant;
import dev.aex.wire.Bytes;
import dev.aex.wire.Command;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.LoadFormat;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.TrustZoneLoad;
import dev.aex.wire.WireReader;
import dev.aex.wire.payload.Attest;
import dev.aex.wire.payload.Call;
import dev.aex.wire.payload.CommandPayload;
import dev.aex.wire.payload.Disable;
import dev.aex.wire.payload.RemoteOutput;
import dev.aex.wire.payload.Reset;
import dev.aex.wire.payload.SancusSetKey;
import dev.aex.wire.payload.SetKey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An event manager with one original TrustZone or Sancus module behind it (module id 1), written
 * from protocol.md §2.4, §4.2, §4.3 and §4.7 with aex-crypto's primitives: attest answers the
 * challenge's MAC, set_key checks the nonce rule and decrypts, RemoteOutput events are opened
 * with the connection key, disable checks its nonce. What it received is kept for the test.
 */
final class OriginalTeeNode implements AutoCloseable {
  enum Kind { TRUSTZONE, SANCUS }

  private final Kind kind;
  private final SymmetricKey moduleKey;
  private final ServerSocket server;
  private final Map<Integer, SymmetricKey> connectionKeys = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> connectionNonces = new ConcurrentHashMap<>();
  final List<String> events = new CopyOnWriteArrayList<>();
  final List<String> log = new CopyOnWriteArrayList<>();
  private int nonce; // guarded by this
  volatile Optional<TrustZoneLoad> loaded = Optional.empty();

  OriginalTeeNode(Kind kind, SymmetricKey moduleKey) throws IOException {
    this.kind = kind;
    this.moduleKey = moduleKey;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::serve);
  }

  int port() {
    return server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        Optional<Command> command = WireReader.of(socket, Duration.ofSeconds(5))
            .readCommand(kind == Kind.TRUSTZONE ? LoadFormat.TRUSTZONE : LoadFormat.SANCUS);
        if (command.isPresent()) {
          Optional<ResultMessage> reply = handle(command.get());
          if (reply.isPresent()) {
            socket.getOutputStream().write(reply.get().encode().toByteArray());
          }
        }
      } catch (IOException | RuntimeException e) {
        if (!server.isClosed()) {
          log.add("error: " + e);
        }
      }
    }
  }

  private Optional<ResultMessage> handle(Command command) throws IOException {
    if (command instanceof TrustZoneLoad load) {
      loaded = Optional.of(load);
      return Optional.of(ok());
    }
    CommandPayload payload = CommandPayload.decode((CommandMessage) command);
    return switch (payload) {
      case Call call -> Optional.of(call(call));
      case RemoteOutput output -> {
        event(output);
        yield Optional.empty();
      }
      case Reset reset -> { // a TrustZone node resets; on a Sancus node code 4 is Ping
        log.add(kind == Kind.SANCUS ? "ping" : "reset");
        yield Optional.of(ok());
      }
      default -> Optional.of(ResultMessage.of(ResultCode.ILLEGAL_COMMAND));
    };
  }

  private synchronized ResultMessage call(Call call) throws IOException {
    byte[] args = call.args().toByteArray();
    try {
      switch (call.entryId()) {
        case 1 -> {
          byte[] challenge = Attest.decode(call.args()).challenge().toByteArray();
          log.add("attest");
          return new ResultMessage(ResultCode.OK, Bytes.of(kind == Kind.TRUSTZONE
              ? LegacyZeroIvAesGcm.create(moduleKey).mac(challenge)
              : SpongentMac.create(SpongentVariant.SPONGENT_128, moduleKey).computeMac(challenge)));
        }
        case 0 -> {
          int connId;
          int n;
          byte[] key;
          if (kind == Kind.TRUSTZONE) {
            SetKey setKey = SetKey.decode(call.args());
            n = setKey.nonce();
            if (n < nonce) { // TrustZone: nonce >= the counter
              return ResultMessage.of(ResultCode.ILLEGAL_PAYLOAD);
            }
            key = LegacyZeroIvAesGcm.create(moduleKey).decrypt(java.util.Arrays.copyOf(args, 7),
                java.util.Arrays.copyOfRange(args, 7, args.length));
            connId = setKey.connId();
          } else {
            SancusSetKey setKey = SancusSetKey.decode(call.args());
            n = setKey.nonce();
            if (n != nonce) { // Sancus: exactly the counter
              return ResultMessage.of(ResultCode.ILLEGAL_PAYLOAD);
            }
            key = SpongeWrap.create(SpongentVariant.SPONGENT_128, moduleKey).unwrap(
                java.util.Arrays.copyOf(args, 6), java.util.Arrays.copyOfRange(args, 6, args.length));
            connId = setKey.connId();
          }
          nonce++;
          connectionKeys.put(connId, SymmetricKey.copyOf(key));
          connectionNonces.put(connId, 0);
          log.add("set_key " + connId + " nonce " + n);
          return ok();
        }
        case 2 -> {
          Disable disable = Disable.decode(call.args());
          if (disable.nonce() != nonce) {
            return ResultMessage.of(ResultCode.ILLEGAL_PAYLOAD);
          }
          byte[] ad = disable.associatedData().toByteArray();
          byte[] sealed = disable.encryptedNonce().encode().toByteArray();
          if (kind == Kind.TRUSTZONE) {
            LegacyZeroIvAesGcm.create(moduleKey).decrypt(ad, sealed);
          } else {
            SpongeWrap.create(SpongentVariant.SPONGENT_128, moduleKey).unwrap(ad, sealed);
          }
          nonce++;
          connectionKeys.clear();
          log.add("disable nonce " + disable.nonce());
          return ok();
        }
        default -> {
          return ok();
        }
      }
    } catch (AuthenticationFailedException e) {
      return ResultMessage.of(ResultCode.CRYPTO_ERROR);
    }
  }

  private void event(RemoteOutput output) {
    SymmetricKey key = connectionKeys.get(output.connId());
    if (key == null) {
      log.add("event on unknown connection " + output.connId());
      return;
    }
    int n = connectionNonces.merge(output.connId(), 1, Integer::sum) - 1;
    byte[] ad = ByteBuffer.allocate(2).putShort((short) n).array();
    byte[] sealed = output.data().encode().toByteArray();
    try {
      byte[] plain = kind == Kind.TRUSTZONE
          ? LegacyZeroIvAesGcm.create(key).decrypt(ad, sealed)
          : SpongeWrap.create(SpongentVariant.SPONGENT_128, key).unwrap(ad, sealed);
      events.add(new String(plain, java.nio.charset.StandardCharsets.US_ASCII));
    } catch (AuthenticationFailedException e) {
      log.add("event rejected on connection " + output.connId());
    }
  }

  private static ResultMessage ok() {
    return ResultMessage.of(ResultCode.OK);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
