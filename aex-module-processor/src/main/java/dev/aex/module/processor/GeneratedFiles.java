package dev.aex.module.processor;

import java.io.IOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes what the processor makes of a valid module: the dispatch source, its service entry and
 * the manifest. The module class is the originating element, so incremental builds redo all three
 * when it changes.
 */
final class GeneratedFiles {
  static final String SERVICE_FILE = "META-INF/services/dev.aex.module.spi.ModuleDispatch";
  static final String MANIFEST_FILE = "META-INF/aex/module.json";

  private final Filer filer;

  GeneratedFiles(Filer filer) {
    this.filer = filer;
  }

  void write(ModuleModel model, TypeElement moduleClass) throws IOException {
    String dispatch = model.qualifiedDispatchName();
    write(filer.createSourceFile(dispatch, moduleClass), DispatchWriter.render(model));
    write(resource(SERVICE_FILE, moduleClass), dispatch + "\n");
    write(resource(MANIFEST_FILE, moduleClass), ManifestWriter.render(model));
  }

  private FileObject resource(String path, TypeElement moduleClass) throws IOException {
    return filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, moduleClass);
  }

  private static void write(FileObject file, String content) throws IOException {
    try (Writer writer = file.openWriter()) {
      writer.write(content);
    }
  }
}
