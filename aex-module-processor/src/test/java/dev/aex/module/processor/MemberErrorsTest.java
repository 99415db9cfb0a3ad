package dev.aex.module.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The errors about the annotated members of a @Module class: one test per tag, and then some. */
class MemberErrorsTest {
  @TempDir Path dir;

  @Test
  void inputSignature() throws IOException {
    compile("@Input int count(String text) { return 0; } // here")
        .assertOnlyError("AexInputSignature", "// here")
        .isEqualTo("[AexInputSignature] @Input method must be 'void name(byte[] data)'; found 'int"
            + " count(java.lang.String)'. Change the signature to take exactly one byte[] and"
            + " return void.");
  }

  @Test
  void handlerSignature() throws IOException {
    compile("@Handler void answer(byte[] data, int more) {} // here")
        .assertOnlyError("AexHandlerSignature", "// here")
        .contains("@Handler method must be 'byte[] name(byte[] data)'; found 'void"
            + " answer(byte[], int)'")
        .endsWith("return byte[].");
  }

  @Test
  void entrySignature() throws IOException {
    compile("@Entry byte[] init(byte[] args) { return args; } // here")
        .assertOnlyError("AexEntrySignature", "// here")
        .contains("@Entry method must be 'EntryResult name(byte[] data)'; found 'byte[]"
            + " init(byte[])'");
  }

  @Test
  void methodsMayThrowExceptionsButNotThrowables() throws IOException {
    Compilation fine = compile("""
        @Input void ok(byte[] data) throws java.io.IOException, RequestFailedException {}
        @Entry EntryResult run(byte[] args) throws Exception { return EntryResult.ok(); }
        @Handler byte[] also(byte[] data) throws StackOverflowError { return data; }
        """);
    assertThat(fine.success()).as(fine.describe()).isTrue();

    compile("@Input void on(byte[] data) throws Throwable {} // here")
        .assertOnlyError("AexInputSignature", "// here")
        .contains("may throw only exceptions (subtypes of java.lang.Exception); found"
            + " 'throws java.lang.Throwable'");
  }

  @Test
  void outputType() throws IOException {
    compile("@Output String led; // here")
        .assertOnlyError("AexOutputType", "// here")
        .isEqualTo("[AexOutputType] @Output field must have type OutputPort; found"
            + " 'java.lang.String led'. Change the field type to dev.aex.module.OutputPort.");
  }

  @Test
  void requestType() throws IOException {
    compile("@Request OutputPort lookup; // here")
        .assertOnlyError("AexRequestType", "// here")
        .contains("found 'dev.aex.module.OutputPort lookup'")
        .contains("Change the field type to dev.aex.module.RequestPort.");
  }

  @Test
  void memberModifiers() throws IOException {
    Compilation compilation = compile("""
        @Input private void on(byte[] data) {} // private
        @Handler static byte[] echo(byte[] data) { return data; } // static
        @Output final OutputPort led = null; // final
        @Input final void off(byte[] data) {}
        """);

    assertThat(compilation.errors()).hasSize(3);
    compilation.assertError(compilation.errors().get(0), "AexMemberModifiers", "// private")
        .isEqualTo("[AexMemberModifiers] @Input method 'on' must not be private: the generated"
            + " dispatch class in the same package must reach it. Remove 'private'.");
    compilation.assertError(compilation.errors().get(1), "AexMemberModifiers", "// static")
        .contains("@Handler method 'echo' must not be static");
    compilation.assertError(compilation.errors().get(2), "AexMemberModifiers", "// final")
        .contains("@Output field 'led' must not be final: the runtime sets the port");
  }

  @Test
  void conflictingAnnotations() throws IOException {
    compile("""
        @Input
        @Handler // second
        void on(byte[] data) {}
        """)
        .assertOnlyError("AexConflictingAnnotations", "// second")
        .contains("'on' has both @Input and @Handler, but a member can be only one kind");
  }

  @Test
  void invalidNames() throws IOException {
    Compilation compilation = compile("""
        @Input("Button-Pressed") void on(byte[] data) {} // explicit
        @Output OutputPort _1led; // derived
        """);

    assertThat(compilation.errors()).hasSize(2);
    compilation.assertError(compilation.errors().get(0), "AexName", "// explicit")
        .isEqualTo("[AexName] input name 'Button-Pressed' is not valid: a name must start with a"
            + " letter a-z (after any leading _) and contain only a-z, 0-9 and _. Change the name in"
            + " @Input(\"Button-Pressed\").");
    compilation.assertError(compilation.errors().get(1), "AexName", "// derived")
        .contains("output name '_1led', made from the Java name '_1led', is not valid")
        .endsWith("Give a valid name explicitly, as in @Output(\"my_name\").");
  }

  @Test
  void invalidModuleName() throws IOException {
    Compilation compilation = Compilation.compile(dir, "p/Lamp.java", """
        package p;
        @dev.aex.module.Module("2lamp") // here
        class Lamp {}
        """);

    compilation.assertOnlyError("AexName", "// here").contains("module name '2lamp' is not valid");
  }

  @Test
  void duplicateNamesWithinAKind() throws IOException {
    Compilation compilation = compile("""
        @Input("press") void first(byte[] data) {}
        @Handler("press") byte[] sameNameOtherKind(byte[] data) { return data; }
        @Input("press") void second(byte[] data) {} // second
        """);

    compilation.assertOnlyError("AexDuplicateName", "// second")
        .isEqualTo("[AexDuplicateName] input name 'press' of 'second' is already the name of"
            + " 'first'; names must be unique among the inputs of a module. Rename one of them,"
            + " e.g. @Input(\"press_2\").");
  }

  @Test
  void tooManyEndpointsOfAKind() throws IOException {
    String fields = IntStream.rangeClosed(0, 16384)
        .mapToObj(i -> "@Output OutputPort p" + i + ";" + (i == 16384 ? " // last" : ""))
        .collect(Collectors.joining("\n"));

    compile(fields)
        .assertOnlyError("AexTooManyEndpoints", "// last")
        .contains("at most 16384 outputs (ids 16384 to 32767); 'p16384' is one too many");
  }

  @Test
  void unresolvedTypesAreLeftToJavac() throws IOException {
    Compilation compilation = compile("@Entry Missing init(byte[] args) { return null; }");

    assertThat(compilation.errors()).hasSize(1);
    assertThat(Compilation.message(compilation.errors().get(0))).doesNotStartWith("[Aex");
  }

  @Test
  void allErrorsInOneCompile() throws IOException {
    Compilation compilation = compile("""
        @Input int on(byte[] data) { return 0; } // signature
        @Output private OutputPort led; // modifier
        @Handler("Answer") byte[] answer(byte[] data) { return data; } // name
        """);

    assertThat(compilation.errors()).hasSize(3);
    compilation.assertError(compilation.errors().get(0), "AexInputSignature", "// signature");
    compilation.assertError(compilation.errors().get(1), "AexMemberModifiers", "// modifier");
    compilation.assertError(compilation.errors().get(2), "AexName", "// name");
    assertThat(compilation.generatedSources().resolve("p/Lamp_AexDispatch.java")).doesNotExist();
  }

  /** Compiles {@code members} as the body of a module class {@code p.Lamp}. */
  private Compilation compile(String members) throws IOException {
    return Compilation.compile(dir, "p/Lamp.java", """
        package p;

        import dev.aex.module.Entry;
        import dev.aex.module.EntryResult;
        import dev.aex.module.Handler;
        import dev.aex.module.Input;
        import dev.aex.module.Module;
        import dev.aex.module.Output;
        import dev.aex.module.OutputPort;
        import dev.aex.module.Request;
        import dev.aex.module.RequestFailedException;

        @Module
        class Lamp {
        %s
        }
        """.formatted(members.indent(2)));
  }
}
