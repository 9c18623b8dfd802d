package dev.tablesync.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import dev.tablesync.annotations.SyncColumn;
import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import dev.tablesync.processor.check.DeclarationChecks;
import dev.tablesync.processor.check.DeclaredSchemas;
import dev.tablesync.processor.check.Message;
import dev.tablesync.processor.check.QueryChecks;
import dev.tablesync.processor.check.Reporter;
import dev.tablesync.processor.check.SchemaChecks;
import dev.tablesync.processor.model.TableModel;
import dev.tablesync.processor.read.SchemaLoader;
import dev.tablesync.processor.read.TableDeclaration;
import dev.tablesync.processor.read.TableReader;
import dev.tablesync.processor.sql.SqlParsing;
import dev.tablesync.processor.write.ServiceFileWriter;
import dev.tablesync.processor.write.SyncerWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Reads every {@code @SyncTable} type, checks it, and generates its syncer and the service file
 * that lists them. Problems are compile errors on the element they are about; an exception inside
 * the processor becomes one error as well, never a compiler crash.
 *
 * <p>A record is checked in two steps. First what it says about itself ({@link DeclarationChecks});
 * only a record that passes goes on to the checks that need a consistent model: its query ({@link
 * QueryChecks}) and its target schema ({@link SchemaChecks}). Its syncer is generated when both
 * steps found no error.
 *
 * <p>Option {@value SchemaLoader#PROJECT_DIR_OPTION}: the directory relative {@code targetSchema}
 * and {@code sourceSchema} paths start from.
 */
@AutoService(Processor.class)
public final class SyncProcessor extends AbstractProcessor {

  private static final String GENERATED = "javax.annotation.processing.Generated";

  private final Set<String> syncers = new TreeSet<>();
  private final List<Element> originatingElements = new ArrayList<>();
  private final Map<String, TypeElement> syncNames = new LinkedHashMap<>();
  private SchemaLoader schemaLoader;

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    SqlParsing.silenceJooqBanner();
    schemaLoader =
        SchemaLoader.forCompilation(processingEnv.getOptions(), processingEnv.getFiler());
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(SchemaLoader.PROJECT_DIR_OPTION);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> types =
        Stream.of(SyncTable.class, SyncKey.class, SyncCursor.class, SyncColumn.class)
            .map(Class::getCanonicalName)
            .collect(Collectors.toCollection(TreeSet::new));
    // The @Generated on the syncers this processor writes, claimed with TableSync's own
    // annotations below.
    types.add(GENERATED);
    return types;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Reporter reporter = new Reporter(processingEnv.getMessager());
    TypeElement syncTable =
        processingEnv.getElementUtils().getTypeElement(SyncTable.class.getCanonicalName());
    if (syncTable != null) {
      for (Element element : round.getElementsAnnotatedWith(syncTable)) {
        try {
          process((TypeElement) element, reporter);
        } catch (Exception | LinkageError e) {
          reporter.report(Message.INTERNAL_ERROR, element, element, e, stackTrace(e));
        }
      }
    }
    if (round.processingOver() && !syncers.isEmpty()) {
      writeServiceFile(reporter);
    }
    // Claims TableSync's annotations, and the @Generated of the syncers in the round after they
    // are written: javac warns about unclaimed annotations under -Xlint:processing, which would
    // fail a user's -Xlint:all -Werror build.
    return true;
  }

  private void process(TypeElement type, Reporter reporter) throws IOException {
    TableDeclaration declaration =
        new TableReader(processingEnv.getElementUtils()).read(type, syncTableMirror(type));
    Optional<TableModel> table = new DeclarationChecks(reporter).check(declaration);
    if (table.isEmpty() || !uniqueName(declaration, reporter)) {
      return;
    }
    int errorsBefore = reporter.errorCount();
    DeclaredSchemas schemas = new DeclaredSchemas(reporter, schemaLoader);
    new QueryChecks(reporter, schemas).check(declaration, table.get());
    new SchemaChecks(reporter, schemas).check(declaration, table.get());
    if (reporter.errorCount() > errorsBefore) {
      return;
    }
    new SyncerWriter(SyncProcessor.class.getName(), generatedAnnotation())
        .write(table.get(), type)
        .writeTo(processingEnv.getFiler());
    syncers.add(table.get().syncer().reflectionName());
    originatingElements.add(type);
  }

  private boolean uniqueName(TableDeclaration declaration, Reporter reporter) {
    String name = declaration.string("name");
    TypeElement first = syncNames.putIfAbsent(name, declaration.type());
    if (first != null && !first.equals(declaration.type())) {
      reporter.report(
          Message.DUPLICATE_SYNC_NAME,
          declaration.type(),
          declaration.annotation(),
          declaration.value("name"),
          name,
          declaration.type().getSimpleName(),
          first.getQualifiedName());
      return false;
    }
    return true;
  }

  private void writeServiceFile(Reporter reporter) {
    try {
      new ServiceFileWriter(processingEnv.getFiler())
          .write(
              syncers,
              name -> processingEnv.getElementUtils().getTypeElement(name) != null,
              originatingElements.toArray(Element[]::new));
    } catch (IOException | RuntimeException e) {
      reporter.report(
          Message.INTERNAL_ERROR, originatingElements.get(0), "the service file", e, stackTrace(e));
    }
  }

  private static AnnotationMirror syncTableMirror(TypeElement type) {
    return type.getAnnotationMirrors().stream()
        .filter(
            m ->
                ((TypeElement) m.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(SyncTable.class.getCanonicalName()))
        .findFirst()
        .orElseThrow();
  }

  private ClassName generatedAnnotation() {
    return processingEnv.getElementUtils().getTypeElement(GENERATED) == null
        ? null
        : ClassName.bestGuess(GENERATED);
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
