package dev.aex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * output and request given the descriptor where up's result beside it was meant: the error names
 * that result, but only where it records the connection as established; otherwise the deployer's
 * own error stands. Over the real deployer, which fails before it sends anything.
 */
class MistakenDescriptorTest {
  private static final String DESCRIPTOR = """
      nodes:
        - {type: native, name: node1, host: 127.0.0.1, reactive_port: 5000}
      modules:
        - {type: native, name: sensor, node: node1}
      connections:
        - {name: temp, direct: true, to_module: sensor, to_input: sample, encryption: aes}
        - {name: ask, direct: true, to_module: sensor, to_handler: highest, encryption: aes}
      """;

  @TempDir Path dir;

  private Path descriptor;

  @BeforeEach
  void descriptor() throws IOException {
    descriptor = Files.writeString(dir.resolve("app.yaml"), DESCRIPTOR);
  }

  private CliRun aex(String... args) {
    return CliRun.run(dir, SessionOpener.deployer(), args);
  }

  /** up's result: sensor deployed and attested, the connections {@code established} or not. */
  private void result(boolean established) throws IOException {
    String connection = """
          - {name: %s, direct: true, to_module: sensor, %s, encryption: aes, id: %d,
             key: "000102030405060708090a0b0c0d0e0f", nonce: 0, established: %s}
        """;
    Files.writeString(dir.resolve("app.result.yaml"), """
        nodes:
          - {type: native, name: node1, host: 127.0.0.1, reactive_port: 5000}
        modules:
          - {type: native, name: sensor, node: node1, old_node: node1, deployed: true, nonce: 2,
             attested: true, id: 1, key: "0f0e0d0c0b0a09080706050403020100", port: 5001,
             data: {inputs: {sample: 0}, outputs: {}, entrypoints: {}, handlers: {highest: 1},
                    requests: {}}}
        connections:
        """ + connection.formatted("temp", "to_input: sample", 0, established)
        + connection.formatted("ask", "to_handler: highest", 1, established));
  }

  @Test
  void outputAndRequestOnTheDescriptorNameUpsResult() throws IOException {
    result(true);

    CliRun output = aex("output", "--connection", "temp", "app.yaml");
    CliRun request = aex("request", "--connection", "ask", "app.yaml");

    assertThat(output.status()).isEqualTo(1);
    assertThat(output.err()).isEqualTo("ERROR: Connection temp is not established in " + descriptor
        + ", which is the descriptor: did you mean " + dir.resolve("app.result.yaml") + ", the"
        + " result that aex up wrote beside it (where temp is established)?\n");
    assertThat(request.status()).isEqualTo(1);
    assertThat(request.err()).startsWith("ERROR: Connection ask is not established in "
        + descriptor + ", which is the descriptor: did you mean ");
    assertThat(Files.readString(descriptor)).isEqualTo(DESCRIPTOR);
  }

  @Test
  void withoutUpsResultOrWhereItHasTheConnectionNotEstablishedTheDeployersErrorStands()
      throws IOException {
    CliRun none = aex("output", "--connection", "temp", "app.yaml");
    result(false);
    CliRun notThere = aex("output", "--connection", "temp", "app.yaml");

    for (CliRun run : new CliRun[] {none, notThere}) {
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.err()).startsWith("ERROR: Connection temp is not established yet; ")
          .doesNotContain("app.result.yaml");
    }
  }

  /** An error that the result would give as well is not the descriptor's fault. */
  @Test
  void aConnectionOfTheWrongKindKeepsItsError() throws IOException {
    result(true);

    CliRun run = aex("output", "--connection", "ask", "app.yaml");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("ERROR: Not a output-input connection")
        .doesNotContain("app.result.yaml");
  }
}
