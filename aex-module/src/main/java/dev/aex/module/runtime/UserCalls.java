package dev.aex.module.runtime;

import dev.aex.module.EntryResult;
import dev.aex.module.spi.Endpoint;
import dev.aex.module.spi.ModuleInstance;
import dev.aex.module.spi.ModuleManifest;
import dev.aex.module.spi.UnknownEndpointException;
import dev.aex.wire.ResultCode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Calls into the module's code. A module that is not {@code concurrent} runs one call at a time
 * ({@link OneAtATime}), held only around the user's method (crypto happens outside it). Whatever
 * the user's code throws becomes a {@link Rejection}: the module keeps serving, and the failure is
 * logged as {@link UserFailures} says (by default its class only).
 */
final class UserCalls {
  private final ModuleInstance instance;
  private final Optional<OneAtATime> lock;
  private final Set<Integer> inputs;
  private final Set<Integer> handlers;
  private final Set<Integer> entries;
  private final ModuleNames names;

  UserCalls(ModuleInstance instance, ModuleManifest manifest, ModuleNames names) {
    this.instance = instance;
    this.lock = manifest.concurrent() ? Optional.empty() : Optional.of(new OneAtATime(names));
    this.inputs = ids(manifest.inputs());
    this.handlers = ids(manifest.handlers());
    this.entries = ids(manifest.entries());
    this.names = names;
  }

  void input(int inputId, byte[] data) throws Rejection {
    String what = names.io(inputId);
    require(inputs, inputId, ResultCode.BAD_REQUEST, what);
    call(
        what,
        ResultCode.BAD_REQUEST,
        () -> {
          instance.input(inputId, data);
          return Boolean.TRUE;
        });
  }

  byte[] handle(int handlerId, byte[] data) throws Rejection {
    // protocol.md §4.6 step 3: a connection whose handler does not exist is an internal error.
    String what = names.io(handlerId);
    require(handlers, handlerId, ResultCode.INTERNAL_ERROR, what);
    return call(what, ResultCode.INTERNAL_ERROR, () -> instance.handle(handlerId, data));
  }

  EntryResult entry(int entryId, byte[] args) throws Rejection {
    String what = names.entry(entryId);
    require(entries, entryId, ResultCode.BAD_REQUEST, what);
    return call(what, ResultCode.BAD_REQUEST, () -> instance.entry(entryId, args));
  }

  private static void require(Set<Integer> ids, int id, ResultCode code, String what)
      throws Rejection {
    if (!ids.contains(id)) {
      throw new Rejection(code, what + ": not in the module's manifest");
    }
  }

  private <T> T call(String what, ResultCode unknownCode, UserCall<T> body) throws Rejection {
    if (lock.isPresent()) {
      lock.get().enter(what);
    }
    try {
      T result = body.call();
      if (result == null) {
        throw new Rejection(ResultCode.INTERNAL_ERROR, what + " returned null");
      }
      return result;
    } catch (UnknownEndpointException e) {
      throw new Rejection(unknownCode, what + ": " + e.getMessage());
    } catch (Rejection e) {
      throw e;
    } catch (Exception | AssertionError | LinkageError | StackOverflowError e) {
      // Errors that user code can cause (a class missing from the jar, a failed static
      // initialiser, deep recursion) fail this call only; the connection and the module go on.
      UserFailures.log(names, what, e);
      throw new Rejection(ResultCode.INTERNAL_ERROR, what + " threw " + e.getClass().getName());
    } finally {
      lock.ifPresent(OneAtATime::exit);
    }
  }

  private static Set<Integer> ids(List<Endpoint> endpoints) {
    return endpoints.stream().map(Endpoint::id).collect(Collectors.toUnmodifiableSet());
  }

  @FunctionalInterface
  private interface UserCall<T> {
    T call() throws Exception;
  }
}
