package dev.aex.module.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The errors about the @Module class itself and about the compilation as a whole. */
class ModuleErrorsTest {
  @TempDir Path dir;

  @Test
  void moduleMustBeAClass() throws IOException {
    Compilation compilation = compile("""
        @dev.aex.module.Module // here
        interface Lamp {}
        """);

    compilation.assertOnlyError("AexModuleClass", "// here")
        .contains("'p.Lamp' must be a class; found interface. Use a plain class.");
  }

  @Test
  void moduleMustBeTopLevelConcreteAndNotGeneric() throws IOException {
    Compilation compilation = compile("""
        class Outer {
          @dev.aex.module.Module // nested
          abstract static class Lamp<T> {}
        }
        """);

    assertThat(compilation.errors()).hasSize(3);
    compilation.assertError(compilation.errors().get(0), "AexModuleClass", "// nested")
        .contains("must be a top-level class, not nested in 'p.Outer'");
    assertThat(Compilation.message(compilation.errors().get(1)))
        .contains("must not be abstract: the runtime creates an object of it. Remove 'abstract'.");
    assertThat(Compilation.message(compilation.errors().get(2)))
        .contains("must not have type parameters").contains("Remove <T>.");
  }

  @Test
  void moduleNeedsANonPrivateConstructorWithoutParameters() throws IOException {
    Compilation compilation = compile("""
        @dev.aex.module.Module // here
        class Lamp {
          Lamp(int brightness) {}
        }
        """);

    compilation.assertOnlyError("AexModuleConstructor", "// here")
        .contains("'Lamp' needs a constructor without parameters that is not private")
        .contains("Add 'Lamp() {}'");
  }

  @Test
  void moduleConstructorMustNotThrowCheckedExceptions() throws IOException {
    Compilation compilation = compile("""
        @dev.aex.module.Module // here
        class Lamp {
          private Lamp(int brightness) {}
          Lamp() throws java.io.IOException {}
        }
        """);

    compilation.assertOnlyError("AexModuleConstructor", "// here")
        .contains("must not throw checked exceptions; found 'throws java.io.IOException'");
  }

  @Test
  void oneModulePerCompilation() throws IOException {
    Compilation compilation = compile("""
        @dev.aex.module.Module
        class Button {}

        @dev.aex.module.Module // second
        class Lamp {}
        """);

    compilation.assertOnlyError("AexDuplicateModule", "// second")
        .contains("but 'p.Lamp' is a second one besides 'p.Button'");
  }

  @Test
  void membersWithoutAModuleClassGiveOneErrorThatNamesThem() throws IOException {
    Compilation compilation = compile("""
        class Lamp {
          @dev.aex.module.Input void on(byte[] data) {}
          @dev.aex.module.Output dev.aex.module.OutputPort led;
        }

        class Button {
          @dev.aex.module.Input void pressed(byte[] data) {}
        }
        """);

    assertThat(compilation.errors()).as(compilation.describe()).hasSize(1);
    Diagnostic<?> noModule = compilation.errors().get(0);
    assertThat(noModule.getSource()).isNull();
    assertThat(noModule.getLineNumber()).isEqualTo(Diagnostic.NOPOS);
    assertThat(Compilation.message(noModule)).isEqualTo("[AexNoModule] a module folder needs"
        + " exactly one class annotated @Module, and this compilation has none, yet these members"
        + " belong in one: @Input 'pressed' in 'p.Button', @Input 'on' in 'p.Lamp', @Output 'led'"
        + " in 'p.Lamp'. Add @Module to the class that holds them.");
  }

  /** Both dev.aex.module.* and the implicit java.lang.* import a Module on demand. */
  @Test
  void moduleMadeAmbiguousByAWildcardImport() throws IOException {
    Compilation compilation = compileController("import dev.aex.module.*;");

    assertThat(compilation.errors()).as(compilation.describe()).hasSize(2);
    compilation.assertError(compilation.errors().get(0), "AexAmbiguousModule", "// here").isEqualTo(
        "[AexAmbiguousModule] @Module on 'app.Controller' does not name dev.aex.module.Module:"
            + " an import on demand such as 'import dev.aex.module.*;' makes the name Module"
            + " ambiguous with java.lang.Module, which every file imports implicitly. Add"
            + " 'import dev.aex.module.Module;'.");
    // javac holds back its resolution errors until the processors have run.
    Diagnostic<?> javacError = compilation.errors().get(1);
    assertThat(javacError.getLineNumber()).isEqualTo(compilation.lineOf("// here"));
    assertThat(Compilation.message(javacError)).startsWith("reference to Module is ambiguous");
  }

  @Test
  void javacDoesNotRunTheProcessorWithoutAnyOfItsAnnotations() throws IOException {
    Compilation compilation = compile("class Lamp {}\n");

    assertThat(compilation.success()).as(compilation.describe()).isTrue();
    assertThat(compilation.diagnostics()).isEmpty();
    assertThat(compilation.classes().resolve(GeneratedFiles.MANIFEST_FILE)).doesNotExist();
  }

  @Test
  void membersOnlyInTheModuleClass() throws IOException {
    Compilation compilation = compile("""
        @dev.aex.module.Module
        class Lamp {
          static class Helper {
            @dev.aex.module.Output dev.aex.module.OutputPort led; // member
          }
        }
        """);

    compilation.assertOnlyError("AexMemberOutsideModule", "// member").isEqualTo(
        "[AexMemberOutsideModule] @Output is allowed only on members of the class annotated"
            + " @Module, but 'led' is a member of 'p.Lamp.Helper'. Move it into the @Module"
            + " class, or remove @Output.");
  }

  @Test
  void aSingleTypeImportOfModuleWinsOverTheWildcard() throws IOException {
    Compilation compilation =
        compileController("import dev.aex.module.*;\nimport dev.aex.module.Module;");

    assertThat(compilation.success()).as(compilation.describe()).isTrue();
  }

  @Test
  void eachMemberOutsideAnExistingModuleClassIsAnError() throws IOException {
    Compilation compilation = compile("""
        @dev.aex.module.Module
        class Lamp {}

        class Helper {
          @dev.aex.module.Output dev.aex.module.OutputPort led; // output
          @dev.aex.module.Input void on(byte[] data) {} // input
        }
        """);

    assertThat(compilation.errors()).as(compilation.describe()).hasSize(2);
    compilation.assertError(compilation.errors().get(0), "AexMemberOutsideModule", "// output")
        .contains("but 'led' is a member of 'p.Helper'");
    compilation.assertError(compilation.errors().get(1), "AexMemberOutsideModule", "// input")
        .contains("but 'on' is a member of 'p.Helper'");
  }

  @Test
  void generatedFilesThatCannotBeWritten() throws IOException {
    Compilation compilation = compile("""
        @dev.aex.module.Module // here
        class Lamp {}

        class Lamp_AexDispatch {}
        """);

    compilation.assertOnlyError("AexWriteFailed", "// here")
        .contains("could not write the generated files of 'p.Lamp'")
        .contains("Check that no other class is named 'p.Lamp_AexDispatch'");
  }

  @Test
  void moduleInTheUnnamedPackage() throws Exception {
    Compilation compilation = Compilation.compile(dir, "Lamp.java", """
        @dev.aex.module.Module
        public class Lamp {
          @dev.aex.module.Input void on(byte[] data) {}
        }
        """);

    assertThat(compilation.success()).as(compilation.describe()).isTrue();
    assertThat(compilation.generatedSource("Lamp_AexDispatch.java"))
        .startsWith("/** Generated").contains("Lamp module = new Lamp();");
    assertThat(compilation.resource(GeneratedFiles.MANIFEST_FILE))
        .contains("\"class\": \"Lamp\",\n  \"dispatch\": \"Lamp_AexDispatch\",");
    assertThat(compilation.resource(GeneratedFiles.SERVICE_FILE)).isEqualTo("Lamp_AexDispatch\n");
    assertThat(Files.exists(compilation.classes().resolve("Lamp_AexDispatch.class"))).isTrue();
  }

  private Compilation compile(String body) throws IOException {
    return Compilation.compile(dir, "p/Lamp.java", "package p;\n\n" + body);
  }

  /** The newcomer's module class, with {@code imports}. */
  private Compilation compileController(String imports) throws IOException {
    return Compilation.compile(dir, "app/Controller.java", """
        package app;

        %s

        @Module // here
        public final class Controller {
          @Output OutputPort led;

          @Input
          public void reading(byte[] data) {
            led.send(data);
          }
        }
        """.formatted(imports));
  }
}
