package dev.aex.module.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.module.Entry;
import dev.aex.module.EntryResult;
import dev.aex.module.Handler;
import dev.aex.module.Input;
import dev.aex.module.Module;
import dev.aex.module.Output;
import dev.aex.module.OutputPort;
import dev.aex.module.Request;
import dev.aex.module.RequestPort;
import dev.aex.module.spi.ModuleManifest;
import org.junit.jupiter.api.Test;

/** The processor names the module API as strings; these tests hold them to the real classes. */
class EndpointKindTest {
  @Test
  void idRangesMatchTheManifest() {
    assertThat(EndpointKind.INPUT.firstId()).isEqualTo(ModuleManifest.FIRST_INPUT);
    assertThat(EndpointKind.OUTPUT.firstId()).isEqualTo(ModuleManifest.FIRST_OUTPUT);
    assertThat(EndpointKind.REQUEST.firstId()).isEqualTo(ModuleManifest.FIRST_REQUEST);
    assertThat(EndpointKind.HANDLER.firstId()).isEqualTo(ModuleManifest.FIRST_HANDLER);
    assertThat(EndpointKind.ENTRY.firstId()).isEqualTo(ModuleManifest.FIRST_ENTRY);
    for (EndpointKind kind : EndpointKind.values()) {
      assertThat(kind.firstId() + kind.capacity()).as(kind.name()).isLessThanOrEqualTo(0x10000);
    }
  }

  @Test
  void namesMatchTheApi() {
    assertThat(new ModuleProcessor().getSupportedAnnotationTypes()).containsExactlyInAnyOrder(
        Module.class.getName(), Input.class.getName(), Output.class.getName(),
        Request.class.getName(), Handler.class.getName(), Entry.class.getName());
    assertThat(EndpointKind.OUTPUT.memberType()).isEqualTo(OutputPort.class.getName());
    assertThat(EndpointKind.REQUEST.memberType()).isEqualTo(RequestPort.class.getName());
    assertThat(EndpointKind.ENTRY.memberType()).isEqualTo(EntryResult.class.getName());
    assertThat(Annotations.MODULE).isEqualTo(Module.class.getName());
  }
}
