package dev.aex.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.NativeNode;
import dev.aex.deployer.descriptor.NodeAddress;
import dev.aex.deployer.descriptor.SgxMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ra_settings: a policy is applied as written, or refused; never quietly weakened. */
class SgxSettingsTest {
  private static final Where WHERE =
      Where.at("attest", "counter", new NativeNode("n", NodeAddress.of("127.0.0.1", 5000), 1));
  private static final String SIGNER = "641f72".repeat(10) + "abcd";

  @TempDir Path dir;

  private SgxSettings read(String json) throws IOException, DeployerException {
    return SgxSettings.read(Files.writeString(dir.resolve("ra.json"), json), WHERE);
  }

  private void refused(String json, String message) {
    assertThatThrownBy(() -> read(json)).isInstanceOf(DeployerException.class)
        .hasMessageContaining(dir.resolve("ra.json") + ": " + message);
  }

  /** They were ignored without mrsigner: attestation passed a policy that was never applied. */
  @Test
  void productIdAndSvnNeedTheSigner() throws Exception {
    refused("{\"min_isv_svn\": 5}", "isv_prod_id and min_isv_svn are checked together with"
        + " mrsigner");
    refused("{\"isv_prod_id\": 7}", "isv_prod_id and min_isv_svn are checked together");
    SgxSettings settings = read("{\"mrsigner\": \"" + SIGNER + "\", \"isv_prod_id\": 7,"
        + " \"min_isv_svn\": 5}");
    assertThat(settings.isvProdId()).isEqualTo(7);
    assertThat(settings.minIsvSvn()).isEqualTo(5);
  }

  /** A wrong type was read as the default: "yes" as false, "abc" as 0. */
  @Test
  void valuesOfTheWrongTypeAreRefused() {
    refused("{\"allow_debug\": \"yes\"}",
        "field \"allow_debug\": expected true or false, found \"yes\" (a string)");
    refused("{\"mrsigner\": \"" + SIGNER + "\", \"isv_prod_id\": \"abc\"}",
        "field \"isv_prod_id\": expected an integer 0..65535, found \"abc\" (a string)");
    refused("{\"mrsigner\": \"" + SIGNER + "\", \"min_isv_svn\": -1}",
        "field \"min_isv_svn\": expected an integer 0..65535, found -1");
    refused("{\"collateral\": 3}", "field \"collateral\": expected a non-empty string, found 3");
  }

  /** A signer of the wrong length was an "internal error" at attestation. */
  @Test
  void aSignerMustBe32Bytes() {
    refused("{\"mrsigner\": \"abcd\"}", "field \"mrsigner\": expected 64 hex digits (32 bytes),"
        + " found \"abcd\" (a string)");
  }

  /** Read as a descriptor is: one run names every problem, and a misspelt field's likely name. */
  @Test
  void everyProblemIsNamedAtOnce() {
    String json = "{\"allow_debug\": 1, \"accept_tcb_statuses\": [\"UpToDat\"],"
        + " \"colateral\": \"c\"}";
    assertThatThrownBy(() -> read(json))
        .hasMessageContaining("Bad ra_settings " + dir.resolve("ra.json") + " (3 errors")
        .hasMessageContaining("field \"allow_debug\": expected true or false, found 1")
        .hasMessageContaining("field \"accept_tcb_statuses\": \"UpToDat\" is not a TCB status")
        .hasMessageContaining("field \"colateral\": unknown field")
        .hasMessageContaining("did you mean \"collateral\"?");
  }

  /** The message named the file twice and nothing else. */
  @Test
  void aMissingCollateralFileSaysSo() throws Exception {
    SgxSettings settings = read("{\"collateral\": \"nope.json\"}");
    assertThatThrownBy(() -> settings.collateral(SgxMode.GRAMINE, Instant.now(), WHERE))
        .hasMessageContaining("cannot read the collateral " + dir.resolve("nope.json")
            + ": no such file. Fetch the DCAP collateral");
  }
}
