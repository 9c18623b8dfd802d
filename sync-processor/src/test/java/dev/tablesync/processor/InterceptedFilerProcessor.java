package dev.tablesync.processor;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Runs the real {@link SyncProcessor} with every call to its {@link Filer} passed through a handler
 * first, so that a test can watch what the processor writes or make writing fail.
 */
final class InterceptedFilerProcessor extends AbstractProcessor {

  /** Sees a call to the Filer before it happens. */
  interface FilerCall {
    /** Called with the Filer method and arguments; throwing here makes the call fail. */
    void seen(Method method, Object[] arguments) throws Exception;
  }

  private final SyncProcessor processor = new SyncProcessor();
  private final FilerCall filerCall;

  InterceptedFilerProcessor(FilerCall filerCall) {
    this.filerCall = filerCall;
  }

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    Filer filer =
        proxy(
            Filer.class,
            (method, arguments) -> {
              filerCall.seen(method, arguments);
              return method.invoke(environment.getFiler(), arguments);
            });
    processor.init(
        proxy(
            ProcessingEnvironment.class,
            (method, arguments) ->
                method.getName().equals("getFiler")
                    ? filer
                    : method.invoke(environment, arguments)));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return processor.getSupportedAnnotationTypes();
  }

  @Override
  public Set<String> getSupportedOptions() {
    return processor.getSupportedOptions();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return processor.getSupportedSourceVersion();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return processor.process(annotations, round);
  }

  /** How a proxy answers a call. */
  private interface Answer {
    Object answer(Method method, Object[] arguments) throws Exception;
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    InvocationHandler handler =
        (proxy, method, arguments) -> {
          try {
            return answer.answer(method, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
