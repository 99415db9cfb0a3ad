package dev.aex.module.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import org.junit.jupiter.api.Test;

/** A bug inside the processor becomes one tagged error, not a javac crash. */
class InternalErrorTest {
  @Test
  void aFailingRoundIsReportedAsAnInternalError() {
    List<String> messages = new ArrayList<>();
    Messager messager =
        fake(Messager.class, (method, args) -> messages.add(args[0] + " " + args[1]));
    // Only the Messager is needed: the round fails before anything else is used.
    ProcessingEnvironment env = fake(ProcessingEnvironment.class,
        (method, args) -> method.getName().equals("getMessager") ? messager : null);
    RoundEnvironment failing = fake(RoundEnvironment.class, (method, args) -> {
      throw new IllegalStateException("simulated bug");
    });
    ModuleProcessor processor = new ModuleProcessor();
    processor.init(env);

    boolean claimed = processor.process(Set.of(), failing);

    assertThat(claimed).isFalse();
    assertThat(messages).singleElement().asString()
        .startsWith("ERROR [AexInternalError] the aex annotation processor failed; this is a bug in"
            + " aex, not in your code, please report it with this message:")
        .contains("java.lang.IllegalStateException: simulated bug")
        .contains("at dev.aex.module.processor.ModuleProcessor.processRound");
  }

  private interface Answer {
    Object answer(Method method, Object[] args);
  }

  /** A fake whose methods all give what {@code answer} says; enough for the calls made here. */
  private static <T> T fake(Class<T> type, Answer answer) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> answer.answer(method, args)));
  }
}
