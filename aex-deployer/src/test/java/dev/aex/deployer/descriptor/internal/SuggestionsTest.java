package dev.aex.deployer.descriptor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean …?": Levenshtein distance and the choice of suggestion. */
class SuggestionsTest {
  @Test
  void distanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.distance("to_input", "to_inptu")).isEqualTo(2);
    assertThat(Suggestions.distance("same", "same")).isZero();
  }

  @Test
  void closestWithinTwoEditsIsSuggested() {
    assertThat(Suggestions.closest("reactive_prot", List.of("deploy_port", "reactive_port")))
        .contains("reactive_port");
    assertThat(Suggestions.closest("periodic_events", List.of("nodes", "periodic-events")))
        .contains("periodic-events");
  }

  @Test
  void caseIsIgnored() {
    assertThat(Suggestions.closest("Node1", List.of("node1", "node2"))).contains("node1");
  }

  @Test
  void farOrIdenticalNamesAreNotSuggested() {
    assertThat(Suggestions.closest("webserver", List.of("db", "controller"))).isEmpty();
    assertThat(Suggestions.closest("db", List.of("db"))).isEmpty();
  }

  @Test
  void shortWordsDoNotMatchEverything() {
    // Two edits turn "a" into any two-letter name: no suggestion is better than a random one.
    assertThat(Suggestions.closest("a", List.of("db"))).isEmpty();
    assertThat(Suggestions.closest("ab", List.of("xy"))).isEmpty();
  }

  @Test
  void tiesGoToTheFirstCandidate() {
    assertThat(Suggestions.closest("node", List.of("nodeA", "nodeB"))).contains("nodeA");
  }
}
