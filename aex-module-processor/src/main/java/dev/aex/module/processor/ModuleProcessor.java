package dev.aex.module.processor;

import java.io.IOException;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * The annotation processor of the aex module SDK. For the one {@code @Module} class of a
 * compilation it checks the class and every {@code @Input}, {@code @Output}, {@code @Request},
 * {@code @Handler} and {@code @Entry} member, and, if all is well, generates:
 *
 * <ul>
 *   <li>{@code <Class>_AexDispatch}, the {@code dev.aex.module.spi.ModuleDispatch} that creates
 *       the module, sets its ports and calls its methods without reflection;
 *   <li>{@code META-INF/services/dev.aex.module.spi.ModuleDispatch}, naming that class;
 *   <li>{@code META-INF/aex/module.json}, every endpoint with its protocol id.
 * </ul>
 *
 * <p>Every mistake is a compile error on the offending element whose message starts with a stable
 * tag ({@code [AexInputSignature]}, {@code [AexDuplicateName]}, …) and says how to fix it; one
 * compile reports all of them, except that a compilation without a {@code @Module} class gets
 * one error that says so and why, not one per member. javac runs the processor only for
 * compilations that use at least one of the six annotations, so a compilation without any of
 * them gets no error and no output.
 */
public final class ModuleProcessor extends AbstractProcessor {
  private ErrorReporter reporter;
  private ModuleValidator validator;
  private GeneratedFiles files;
  private Strays strays;
  private String firstModule;

  /** Called by javac, or by a test through {@code CompilationTask.setProcessors}. */
  public ModuleProcessor() {}

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> names = new TreeSet<>();
    names.add(Annotations.MODULE);
    for (EndpointKind kind : EndpointKind.values()) {
      names.add(kind.annotationName());
    }
    return names;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    reporter = new ErrorReporter(env.getMessager());
    TypeChecks typeChecks = new TypeChecks(env.getElementUtils(), env.getTypeUtils());
    validator = new ModuleValidator(env.getElementUtils(), typeChecks, reporter);
    files = new GeneratedFiles(env.getFiler());
    strays = new Strays(reporter);
  }

  /** Always returns false: other processors may look at the annotations too. */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      processRound(annotations, round);
    } catch (RuntimeException bug) {
      reporter.internalError(bug);
    }
    return false;
  }

  private void processRound(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      if (firstModule == null) {
        strays.reportNoModule();
      }
      return;
    }
    for (TypeElement annotation : annotations) {
      String name = annotation.getQualifiedName().toString();
      if (name.equals(Annotations.MODULE)) {
        // Sorted, so that which of two @Module classes counts as the first is reproducible.
        ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation)).stream()
            .sorted(Comparator.comparing(type -> type.getQualifiedName().toString()))
            .forEach(this::processModule);
      } else {
        round.getElementsAnnotatedWith(annotation).forEach(member -> checkEnclosing(member, name));
      }
    }
    strays.checkModuleAnnotations(round.getRootElements());
    // In the round that found them, if it can: javac rebuilds member elements every round, and an
    // old one loses its place in the source.
    if (firstModule != null) {
      strays.reportOutsideModule();
    }
  }

  private void processModule(TypeElement type) {
    AnnotationMirror annotation = Annotations.find(type, Annotations.MODULE).orElseThrow();
    Optional<ModuleModel> model = validator.validate(type, annotation);
    String name = type.getQualifiedName().toString();
    if (firstModule != null) {
      reporter.error("AexDuplicateModule", type, annotation, String.format(
          "a module folder has exactly one @Module class, but '%s' is a second one besides '%s'."
              + " Move '%s' into a module folder of its own, or remove its @Module.",
          name, firstModule, name));
      return;
    }
    // Only the first module class gets here, so the files are written at most once.
    firstModule = name;
    model.ifPresent(valid -> write(valid, type, annotation));
  }

  private void write(ModuleModel model, TypeElement type, AnnotationMirror annotation) {
    try {
      files.write(model, type);
    } catch (IOException e) {
      reporter.error("AexWriteFailed", type, annotation, String.format(
          "could not write the generated files of '%s': %s. Check that no other class is named"
              + " '%s' and that the output directories are writable.",
          model.qualifiedClassName(), e.getMessage(), model.qualifiedDispatchName()));
    }
  }

  private void checkEnclosing(Element member, String annotationName) {
    if (Annotations.find(member.getEnclosingElement(), Annotations.MODULE).isEmpty()) {
      strays.addMember(member, EndpointKind.byAnnotation(annotationName).orElseThrow(),
          Annotations.find(member, annotationName).orElseThrow());
    }
  }
}
