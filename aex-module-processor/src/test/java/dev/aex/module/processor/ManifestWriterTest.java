package dev.aex.module.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestWriterTest {
  @Test
  void quotesEverythingOutsidePrintableAsciiAsEscapes() {
    assertThat(ManifestWriter.quote("plain")).isEqualTo("\"plain\"");
    assertThat(ManifestWriter.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(ManifestWriter.quote("line\nnext\t\u007f"))
        .isEqualTo("\"line\\u000anext\\u0009\\u007f\"");
    assertThat(ManifestWriter.quote("caf\u00e9.\u00c9t\u00e9"))
        .isEqualTo("\"caf\\u00e9.\\u00c9t\\u00e9\"");
  }

  @Test
  void classNamesAreEscaped() {
    ModuleModel model = new ModuleModel("caf\u00e9", "L\u00e4mp", "lamp", true, List.of());

    assertThat(ManifestWriter.render(model)).isEqualTo("""
        {
          "name": "lamp",
          "class": "caf\\u00e9.L\\u00e4mp",
          "dispatch": "caf\\u00e9.L\\u00e4mp_AexDispatch",
          "concurrent": true,
          "inputs": [],
          "outputs": [],
          "requests": [],
          "handlers": [],
          "entries": []
        }
        """);
  }
}
