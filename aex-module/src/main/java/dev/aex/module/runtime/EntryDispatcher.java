package dev.aex.module.runtime;

import dev.aex.module.EntryResult;
import dev.aex.wire.Bytes;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers one {@code [entry_id:2][args]} payload from the event manager with one ResultMessage
 * (protocol.md §2.3, §4.9). Never throws: every refusal is logged at WARNING with the module and
 * the entry ({@link ModuleNames}), the code and the local reason, and counted.
 */
final class EntryDispatcher {
  private static final Logger LOG = System.getLogger(EntryDispatcher.class.getName());

  private final SetKeyEntry setKey;
  private final AttestEntry attest;
  private final DisableEntry disable;
  private final EventEntries events;
  private final UserCalls user;
  private final ModuleNames names;
  private final AtomicLong rejected = new AtomicLong();

  EntryDispatcher(
      SetKeyEntry setKey,
      AttestEntry attest,
      DisableEntry disable,
      EventEntries events,
      UserCalls user,
      ModuleNames names) {
    this.setKey = setKey;
    this.attest = attest;
    this.disable = disable;
    this.events = events;
    this.user = user;
    this.names = names;
  }

  ResultMessage dispatch(Bytes payload) {
    if (payload.size() < 2) {
      // No entry_id to name: the rejection is of the message.
      return reject(
          "a message", new Rejection(ResultCode.ILLEGAL_PAYLOAD, "payload shorter than entry_id"));
    }
    int entryId = payload.getUnsigned(0) << 8 | payload.getUnsigned(1);
    byte[] args = payload.slice(2, payload.size()).toByteArray();
    try {
      return switch (entryId) {
        case 0 -> setKey.handle(args);
        case 1 -> attest.handle(args);
        case 2 -> disable.handle(args);
        case 3 -> events.input(args);
        case 4 -> events.handler(args);
        default -> userEntry(entryId, args);
      };
    } catch (Rejection e) {
      return reject(names.entry(entryId), e);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, names.module() + ": " + names.entry(entryId) + ": runtime failure", e);
      return ResultMessage.of(ResultCode.INTERNAL_ERROR);
    }
  }

  private ResultMessage userEntry(int entryId, byte[] args) throws Rejection {
    EntryResult result = user.entry(entryId, args);
    return new ResultMessage(result.code(), result.payload());
  }

  private ResultMessage reject(String what, Rejection rejection) {
    LOG.log(
        Level.WARNING,
        "{0}: rejected {1}: {2} ({3}); {4} rejected so far",
        names.module(),
        what,
        rejection.code(),
        rejection.getMessage(),
        String.valueOf(rejected.incrementAndGet()));
    return ResultMessage.of(rejection.code());
  }
}
