package json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.aex.module.Entry;
import dev.aex.module.EntryResult;
import dev.aex.module.Module;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Answers its status as JSON, written with a library declared in the folder's pom.xml. */
@Module
public final class Status {
  @Entry
  EntryResult status(byte[] args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("args", args.length);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return EntryResult.ok(out.toByteArray());
  }
}
