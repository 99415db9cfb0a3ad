package dev.aex.deployer.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.keys.TrustZoneKeys;
import dev.aex.deployer.Deployer;
import dev.aex.deployer.Selection;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.TrustZoneNode;
import dev.aex.testkit.Hex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployer side of original TrustZone and Sancus modules (no toolchain needed): a TA built
 * elsewhere is loaded and its key derived from the image; pre-deployed modules are attested with
 * the challenge MAC, keyed with the original set_key layouts, driven with direct outputs and
 * disabled, against event managers that behave as protocol.md says the originals do.
 */
class OriginalTeeTest {
  private static final String NODE_KEY = "9a04aa1d7c0b4e5a8f3a2c6b1d0e9f88a1b2c3d4e5f60718293a4b5c6d7e8dd3";
  private static final String SANCUS_KEY = "2fad83949e0c1b2a3d4e5f60718293a4";

  @TempDir Path dir;

  @Test
  void trustZoneAndSancusModulesAreLoadedAttestedKeyedDrivenAndDisabled() throws Exception {
    byte[] ta = new byte[200];
    for (int i = 0; i < ta.length; i++) {
      ta[i] = (byte) (i * 7);
    }
    Path taFile = dir.resolve("ta.ta");
    Files.write(taFile, ta);
    Path file = dir.resolve("descriptor.json");
    String template = """
        {"nodes": [
           {"type": "trustzone", "name": "tz", "host": "127.0.0.1", "reactive_port": %d,
            "vendor_id": 33, "node_key": "%s"},
           {"type": "sancus", "name": "mcu", "host": "127.0.0.1", "reactive_port": %d,
            "vendor_id": 4660, "vendor_key": "0b7bf3ae40880a8be430d0da34fb76f0"}],
         "modules": [
           {"type": "trustzone", "name": "ta", "node": "tz", "binary": "%s",
            "uuid": 1234567890123456789012345678901234},
           {"type": "sancus", "name": "led", "node": "mcu", "files": [], "deployed": true,
            "id": 1, "key": "%s", "nonce": 0}],
         "connections": [
           {"name": "to-ta", "direct": true, "to_module": "ta", "to_input": 0,
            "encryption": "aes"},
           {"name": "to-led", "direct": true, "to_module": "led", "to_input": 0,
            "encryption": "spongent"}]}
        """;
    SymmetricKey sancusKey = SymmetricKey.copyOf(Hex.decode(SANCUS_KEY));
    // The TA's key as the TrustZone node derives it: from the vendor key and the TA's hash.
    Path probe = dir.resolve("probe.json");
    Files.writeString(probe, template.formatted(1, NODE_KEY, 2, taFile, SANCUS_KEY));
    TrustZoneNode tzNode = (TrustZoneNode) Fixture.read(probe).node("tz").orElseThrow();
    SymmetricKey taKey = TrustZoneKeys.moduleKey(tzNode.vendorKey(), TrustZoneKeys.taHash(ta));

    try (OriginalTeeNode tz = new OriginalTeeNode(OriginalTeeNode.Kind.TRUSTZONE, taKey);
        OriginalTeeNode mcu = new OriginalTeeNode(OriginalTeeNode.Kind.SANCUS, sancusKey)) {
      Files.writeString(file, template.formatted(tz.port(), NODE_KEY, mcu.port(), taFile,
          SANCUS_KEY));
      Path result = dir.resolve("result.json");
      Fixture.Recorder recorder = new Fixture.Recorder();
      Fixture.open(file, dir, result, recorder).deploy(Selection.all());
      assertThat(tz.loaded).isPresent();
      assertThat(tz.loaded.get().moduleId()).isEqualTo(1);
      assertThat(tz.loaded.get().taImage().toByteArray()).isEqualTo(ta);

      Fixture.open(result, dir, result, recorder).attest(Selection.all());
      Descriptor attested = Fixture.read(result);
      assertThat(attested.module("ta").orElseThrow().key()).contains(taKey);
      assertThat(attested.modules()).allMatch(m -> m.common().attested());

      Fixture.open(result, dir, result, recorder).connect(Selection.all());
      assertThat(recorder.warnings).containsExactly("Connection to-ta uses the legacy zero-IV AES"
          + " suite because an end is an original module: the event manager can read and forge"
          + " its events (SECURITY.md §2)");
      for (String text : List.of("one", "two")) {
        Fixture.open(result, dir, result, recorder).output("to-ta", ascii(text));
        Fixture.open(result, dir, result, recorder).output("to-led", ascii(text));
      }
      Fixture.await("four events", Duration.ofSeconds(5),
          () -> tz.events.size() == 2 && mcu.events.size() == 2);
      assertThat(tz.events).containsExactly("one", "two");
      assertThat(mcu.events).containsExactly("one", "two");

      Fixture.open(result, dir, result, recorder).disable("led");
      assertThat(mcu.log).containsExactly("attest", "set_key 1 nonce 0", "disable nonce 1");
      assertThat(tz.log).containsExactly("attest", "set_key 0 nonce 0");
      assertThat(Fixture.read(result).module("led").orElseThrow().common().nonce()).isEqualTo(2);

      // A wrong key in the result: the MAC does not match, and the message says what to check.
      Path wrong = dir.resolve("wrong.json");
      Files.writeString(wrong, Files.readString(result).replace(SANCUS_KEY,
          "000102030405060708090a0b0c0d0e0f").replace("\"attested\": true", "\"attested\": false"));
      Deployer again = Fixture.open(wrong, dir, wrong, recorder);
      assertThatThrownBy(() -> again.attest(Selection.of(List.of("led"))))
          .hasMessage("attest led on mcu (127.0.0.1:" + mcu.port() + "): the module's answer is"
              + " not the tag of the challenge under the module key. Check the module's key in"
              + " the descriptor");
      assertThat(tz.log).noneMatch(l -> l.startsWith("error")).noneMatch(l -> l.contains("rejected"));
      assertThat(mcu.log).noneMatch(l -> l.startsWith("error"));
      // Reset: the TrustZone node drops its TA; a Sancus node's code 4 is Ping, and its module
      // stays loaded, so the result keeps it deployed.
      Fixture.open(result, dir, result, recorder).reset();
      assertThat(tz.log).endsWith("reset");
      assertThat(mcu.log).endsWith("ping");
      Descriptor reset = Fixture.read(result);
      assertThat(reset.module("ta").orElseThrow().common().deployed()).isFalse();
      assertThat(reset.module("led").orElseThrow().common().deployed()).isTrue();
      assertThat(recorder.timings.keySet())
          .contains("Deploy time for ta", "Attest time for led", "Establish time for to-led",
              "Output time for to-ta", "Disable time for led");
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
