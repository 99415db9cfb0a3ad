package dev.aex.deployer.descriptor.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.aex.deployer.descriptor.DescriptorFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text to tree, detecting the format as the original does: JSON first, then YAML
 * (deployer-reference.md §2.1). The file name's extension only decides which parser's error to show
 * first when neither parser accepts the text.
 */
public final class DocumentParser {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  // One document only, as PyYAML's yaml.load: trailing content is an error, not ignored.
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /**
   * A long quoted token, such as a mistyped key; never the words between two short ones ("'nodes':
   * was expecting (JSON String, … or token 'null'"), so no whitespace.
   */
  private static final Pattern LONG_TOKEN = Pattern.compile("'[^'\\s]{9,}'");
  /**
   * The YAML parser's place of its context or problem ({@code " in 'reader', line 2, column 1:"});
   * the quoted line after it, which may hold a key, is never shown.
   */
  private static final Pattern YAML_MARK =
      Pattern.compile("\\s*in '[^']*', line (\\d+), column (\\d+):?");
  /** Jackson's reference to a place in the input, e.g. where an unclosed array started. */
  private static final Pattern SOURCE_REF =
      Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");

  /** What some editors put first in a UTF-8 file; alone, the file is as empty as without it. */
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  /** A parsed document and the format it was in. */
  public record Document(JsonNode root, DescriptorFormat format) {}

  private DocumentParser() {}

  public static Optional<Document> parse(String fileName, String text, Report file) {
    if (text.replace(BYTE_ORDER_MARK, "").isBlank()) {
      file.error("the file is empty (expected: a JSON or YAML descriptor)");
      return Optional.empty();
    }
    String jsonError;
    try {
      return Optional.of(new Document(JSON.readTree(text), DescriptorFormat.JSON));
    } catch (JacksonException e) {
      jsonError = describe(e);
    }
    String yamlError;
    try {
      JsonNode root = YAML.readTree(text);
      if (root != null && root.isObject()) {
        return Optional.of(new Document(root, DescriptorFormat.YAML));
      }
      yamlError = "a YAML document, but " + Values.describe(root) + " instead of a mapping";
    } catch (JacksonException e) {
      yamlError = describe(e);
    }
    boolean yamlFirst = fileName.toLowerCase(Locale.ROOT).matches(".*\\.ya?ml");
    file.error("Input file " + fileName + " is not a JSON, nor a YAML: "
        + (yamlFirst ? "as YAML, " + yamlError + "; as JSON, " + jsonError
            : "as JSON, " + jsonError + "; as YAML, " + yamlError));
    return Optional.empty();
  }

  private static String describe(JacksonException e) {
    List<String> lines = e.getOriginalMessage().lines().toList();
    Optional<Matcher> problemAt = lines.stream().map(YAML_MARK::matcher).filter(Matcher::matches)
        .reduce((first, last) -> last);
    String text;
    String where;
    if (problemAt.isPresent()) {
      // The YAML parser's context and problem, each followed by its place, the quoted line and
      // a caret: the words of both, at the problem's place.
      text = String.join(": ", lines.stream().filter(l -> !l.isBlank() && !l.startsWith(" "))
          .toList());
      where = " at line " + problemAt.get().group(1) + ", column " + problemAt.get().group(2);
    } else {
      JsonLocation at = e.getLocation();
      text = lines.stream().findFirst().orElse("syntax error");
      where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
    text = SOURCE_REF.matcher(text).replaceAll("line $1, column $2");
    // Parser messages quote the offending token, which may be a mistyped key: hide long ones.
    return LONG_TOKEN.matcher(text).replaceAll("'…'") + where;
  }
}
