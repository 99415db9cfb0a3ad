package dev.aex.deployer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {
  @Test
  void namedItemsOnlyAndInOrderWhenAsked() {
    Selection some = Selection.of(List.of("db", "controller"));
    assertThat(some.isAll()).isFalse();
    assertThat(some.names()).containsExactly("db", "controller");
    assertThat(some.inOrder().sequential()).isTrue();
    assertThat(Selection.all().isAll()).isTrue();
  }

  /** An empty list built at run time selected every item: deploy or connect acted on all. */
  @Test
  void anEmptyListOfNamesIsRefusedNotEverything() {
    assertThatThrownBy(() -> Selection.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Selection.of(): no names given (Selection.all() selects every item)");
  }
}
