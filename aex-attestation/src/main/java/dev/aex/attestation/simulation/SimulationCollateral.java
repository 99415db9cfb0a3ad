package dev.aex.attestation.simulation;

import dev.aex.attestation.AttestationException;
import dev.aex.attestation.Collateral;
import dev.aex.attestation.internal.Ecdsa;
import dev.aex.attestation.internal.Pem;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Collateral for {@link SimulatedQuoter}'s quotes, signed with the INSECURE simulation keys: a
 * TCB info and QE identity under which the simulated platform and QE are UpToDate without
 * advisories, and empty root and PCK CRLs. Every part is valid from an hour before "now" for
 * {@link #VALIDITY}. Verifies only under a policy that allows simulation.
 */
public final class SimulationCollateral {
  /** How long the collateral stays valid after "now". */
  public static final Duration VALIDITY = Duration.ofDays(30);

  private SimulationCollateral() {}

  /** Collateral valid at {@code now} and for {@link #VALIDITY} after. */
  public static Collateral fixed(Instant now) {
    return build(now, List.of());
  }

  /** The same, with the simulated PCK certificate revoked by the PCK CRL (for tests). */
  static Collateral revokingPck(Instant now) {
    return build(now, List.of(SimulationKeys.certificate(SimulationKeys.PCK).getSerialNumber()));
  }

  private static Collateral build(Instant now, List<BigInteger> revokedPcks) {
    ZonedDateTime from = now.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1))
        .atZone(ZoneOffset.UTC);
    ZonedDateTime until = from.plus(VALIDITY).plusHours(1);
    X509Certificate root = SimulationKeys.certificate(SimulationKeys.ROOT);
    X509Certificate pckCa = SimulationKeys.certificate(SimulationKeys.PCK_CA);
    PrivateKey signingKey = SimulationKeys.privateKey(SimulationKeys.TCB_SIGNING);
    try {
      byte[] signingChain = Pem.encodeChain(
          List.of(SimulationKeys.certificate(SimulationKeys.TCB_SIGNING), root));
      byte[] tcbInfo = SimulationJson.tcbInfo(from.toInstant(), until.toInstant());
      byte[] qeIdentity = SimulationJson.qeIdentity(from.toInstant(), until.toInstant());
      return Collateral.builder()
          .rootCaCrl(X509Builder.crl(root, SimulationKeys.privateKey(SimulationKeys.ROOT), from,
              until, List.of()).getEncoded())
          .pckCrl(X509Builder.crl(pckCa, SimulationKeys.privateKey(SimulationKeys.PCK_CA), from,
              until, revokedPcks).getEncoded())
          .pckCrlIssuerChain(Pem.encodeChain(List.of(pckCa, root)))
          .tcbInfo(tcbInfo, hex(Ecdsa.sign(signingKey, tcbInfo)), signingChain)
          .qeIdentity(qeIdentity, hex(Ecdsa.sign(signingKey, qeIdentity)), signingChain)
          .build();
    } catch (GeneralSecurityException | AttestationException e) {
      throw new IllegalStateException("cannot build simulation collateral", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** The signed JSON texts, in Intel's field order and spelling. */
  private static final class SimulationJson {
    static byte[] tcbInfo(Instant from, Instant until) {
      String components = SimulationPlatform.COMPONENTS.stream()
          .map(svn -> "{\"svn\":" + svn + "}").collect(Collectors.joining(","));
      return ("{\"id\":\"SGX\",\"version\":3,\"issueDate\":\"" + from + "\",\"nextUpdate\":\""
          + until + "\",\"fmspc\":\"" + upper(SimulationPlatform.FMSPC.hex()) + "\",\"pceId\":\""
          + upper(SimulationPlatform.PCE_ID.hex()) + "\",\"tcbType\":0,"
          + "\"tcbEvaluationDataNumber\":1,\"tcbLevels\":[{\"tcb\":{\"sgxtcbcomponents\":["
          + components + "],\"pcesvn\":" + SimulationPlatform.PCE_SVN + "},\"tcbDate\":"
          + "\"2020-01-01T00:00:00Z\",\"tcbStatus\":\"UpToDate\"}]}")
          .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] qeIdentity(Instant from, Instant until) {
      return ("{\"id\":\"QE\",\"version\":2,\"issueDate\":\"" + from + "\",\"nextUpdate\":\""
          + until + "\",\"tcbEvaluationDataNumber\":1,\"miscselect\":\"00000000\","
          + "\"miscselectMask\":\"FFFFFFFF\",\"attributes\":\"11000000000000000000000000000000\","
          + "\"attributesMask\":\"FBFFFFFFFFFFFFFF0000000000000000\",\"mrsigner\":\""
          + upper(SimulationPlatform.QE_MRSIGNER.hex()) + "\",\"isvprodid\":"
          + SimulationPlatform.QE_PROD_ID + ",\"tcbLevels\":[{\"tcb\":{\"isvsvn\":"
          + SimulationPlatform.QE_SVN + "},\"tcbDate\":\"2020-01-01T00:00:00Z\","
          + "\"tcbStatus\":\"UpToDate\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String upper(String hex) {
      return hex.toUpperCase(Locale.ROOT);
    }
  }
}
