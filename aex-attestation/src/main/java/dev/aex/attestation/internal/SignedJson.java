package dev.aex.attestation.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aex.attestation.AttestationException;
import dev.aex.attestation.Check;
import dev.aex.attestation.HexBytes;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A signed Intel JSON object (TCB info, QE identity): the exact bytes the signature covers, the
 * raw r || s signature, and the issuer chain (signer first). The signature is over the bytes as
 * Intel served them, so they are never re-serialised.
 */
public record SignedJson(HexBytes body, HexBytes signature, List<X509Certificate> chain) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public SignedJson {
    chain = List.copyOf(chain);
  }

  /**
   * Takes the object {@code field} and the hex {@code "signature"} from an Intel PCS response
   * body such as {@code {"tcbInfo":{...},"signature":"..."}}: the signed bytes are the object's
   * exact byte range in {@code response}.
   */
  public static SignedJson fromPcsResponse(byte[] response, String field, List<X509Certificate> chain)
      throws AttestationException {
    int[] range = null;
    String signature = null;
    try (JsonParser parser = new JsonFactory().createParser(response)) {
      require(parser.nextToken() == JsonToken.START_OBJECT, "not a JSON object");
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals(field) && value == JsonToken.START_OBJECT) {
          int start = (int) parser.currentTokenLocation().getByteOffset();
          parser.skipChildren();
          range = new int[] {start, (int) parser.currentLocation().getByteOffset()};
        } else if (name.equals("signature") && value == JsonToken.VALUE_STRING) {
          signature = parser.getText();
        } else {
          parser.skipChildren();
        }
      }
    } catch (IOException e) {
      throw format(field + " response is not valid JSON: " + e.getMessage());
    }
    require(range != null && signature != null, "the response lacks '" + field + "' or 'signature'");
    return new SignedJson(HexBytes.copyOf(response, range[0], range[1] - range[0]),
        signatureHex(signature), chain);
  }

  /** Parses a hex r || s signature. */
  public static HexBytes signatureHex(String hex) throws AttestationException {
    try {
      HexBytes signature = HexBytes.fromHex(hex);
      require(signature.size() == 64, "a signature has " + signature.size() + " bytes (expected: 64)");
      return signature;
    } catch (IllegalArgumentException e) {
      throw format("a signature is not hex");
    }
  }

  /**
   * Checks the issuer chain to one of {@code roots} and the signature over the raw bytes (not
   * validity in time: see {@link CertChain#windows}); returns the root. Failures are
   * {@code check}.
   */
  public X509Certificate verify(List<X509Certificate> roots, Check check, String what)
      throws AttestationException {
    X509Certificate root = CertChain.verify(chain, roots, check, what + " issuer chain");
    if (!Ecdsa.verify(chain.get(0).getPublicKey(), body.toByteArray(), signature)) {
      throw new AttestationException(check, "the " + what + " signature does not verify over its "
          + "raw JSON bytes: the JSON was altered or the signature belongs to other bytes");
    }
    return root;
  }

  /** The signed object, parsed (call only after {@link #verify}). */
  public JsonNode json(String what) throws AttestationException {
    try {
      return JSON.readTree(body.toByteArray());
    } catch (IOException e) {
      throw format(what + " is not valid JSON: " + e.getMessage());
    }
  }

  private static void require(boolean condition, String message) throws AttestationException {
    if (!condition) {
      throw format(message);
    }
  }

  private static AttestationException format(String message) {
    return new AttestationException(Check.COLLATERAL_FORMAT, message);
  }
}
