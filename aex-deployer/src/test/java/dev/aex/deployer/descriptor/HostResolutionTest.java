package dev.aex.deployer.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hosts are resolved once, at load, and the address is what the result stores (§2.3). */
class HostResolutionTest {
  private static final String LOCALHOST_NODE =
      "{type: sgx, name: n1, host: localhost, reactive_port: 5000}";

  @Test
  void systemResolverKeepsLiteralsAndResolvesLocalhost() {
    HostResolver system = HostResolver.system();
    assertThat(system.resolve("127.0.0.5")).contains("127.0.0.5");
    assertThat(system.resolve("localhost")).contains("127.0.0.1");
    assertThat(system.resolve("::1")).contains("0:0:0:0:0:0:0:1");
  }

  @Test
  void resolvedAddressIsStoredAndWritten() throws Exception {
    Descriptor d = DescriptorReader.create().parse("d.yaml", Fixture.withNodes(LOCALHOST_NODE))
        .descriptor();
    SgxNode node = (SgxNode) d.nodes().get(0);
    assertThat(node.address().host()).isEqualTo("127.0.0.1");
    assertThat(node.aesmHost()).isEqualTo("127.0.0.1");
    assertThat(DescriptorWriter.render(d, DescriptorFormat.JSON))
        .contains("\"host\": \"127.0.0.1\"").doesNotContain("localhost");
  }

  @Test
  void unresolvableHostNamesTheNode() {
    DescriptorReader reader = DescriptorReader.create().withHostResolver(host -> Optional.empty());
    DescriptorException e = catchThrowableOfType(DescriptorException.class,
        () -> reader.parse("d.yaml", Fixture.withNodes(LOCALHOST_NODE)));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.item()).isEqualTo("nodes[0] \"n1\"");
      assertThat(p.field()).contains("host");
      assertThat(p.message()).startsWith("Invalid host: cannot resolve \"localhost\"");
    });
  }

  @Test
  void historicSpellingIsNamedInTheError() {
    DescriptorReader reader = DescriptorReader.create().withHostResolver(host -> Optional.empty());
    DescriptorException e = catchThrowableOfType(DescriptorException.class,
        () -> reader.parse("d.yaml", Fixture.withNodes(
            "{type: native, name: n1, ip_address: em-native-1, reactive_port: 5000}")));
    assertThat(e.problems()).singleElement()
        .satisfies(p -> assertThat(p.field()).contains("ip_address"));
  }

  @Test
  void unresolvedReaderKeepsNames() throws Exception {
    Descriptor d = DescriptorReader.create().withHostResolver(HostResolver.unresolved())
        .parse("d.yaml", Fixture.withNodes(LOCALHOST_NODE)).descriptor();
    assertThat(d.nodes().get(0).address().host()).isEqualTo("localhost");
  }
}
