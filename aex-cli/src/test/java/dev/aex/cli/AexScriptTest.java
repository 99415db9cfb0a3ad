package dev.aex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The {@code aex} script at the top of the checkout agrees with the command it runs. */
class AexScriptTest {
  /** The script's list of the commands that get a class-data sharing archive of their own. */
  private static final Pattern ARCHIVED = Pattern.compile("(?m)^  ([a-z|]+)\\) ;;$");

  @Test
  void everyCommandHasAnArchiveOfItsOwn() throws IOException {
    Matcher list = ARCHIVED.matcher(Files.readString(Path.of("..", "aex")));
    assertThat(list.find()).as("the aex script's list of archived commands").isTrue();

    assertThat(new TreeSet<>(Arrays.asList(list.group(1).split("\\|")))).isEqualTo(subcommands());
  }

  /** Module folders with a pom.xml build on a machine without mvn: the wrapper fetches. */
  @Test
  void theModuleBuilderIsGivenTheCheckoutsMavenWrapper() throws IOException {
    assertThat(Files.readString(Path.of("..", "aex"))).contains("\"-Daex.maven=$here/mvnw\"");
    assertThat(Path.of("..", "mvnw")).isExecutable();
  }

  private static Set<String> subcommands() {
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
    CliContext context = new CliContext(discard, discard, Map.of(), Path.of(""), false,
        SessionOpener.deployer());
    return new TreeSet<>(AexCommand.commandLine(context).getSubcommands().keySet());
  }
}
