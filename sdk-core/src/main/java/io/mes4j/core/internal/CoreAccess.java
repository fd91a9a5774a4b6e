package io.mes4j.core.internal;

import io.mes4j.core.MesClient;
import io.mes4j.core.Page;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The door through which the sibling modules reach what the public classes of core keep private: a
 * client's {@link ApiExecutor} and the construction of a {@link Page}.
 *
 * <p>The public classes register hooks here when they are initialised, so their constructors and
 * executor stay out of the public API.
 */
public final class CoreAccess {

  /** Gives the executor of a client; registered by {@link MesClient}. */
  public interface ExecutorAccess {
    /** The executor of {@code client}. */
    ApiExecutor executor(MesClient client);
  }

  /** Creates pages; registered by {@link Page}. */
  public interface PageFactory {
    /** A page of {@code items}, whose next page {@code fetcher} fetches from {@code nextLink}. */
    <T> Page<T> create(
        List<T> items, OptionalInt total, @Nullable String nextLink, PageFetcher<T> fetcher);
  }

  private static volatile @Nullable ExecutorAccess executorAccess;
  private static volatile @Nullable PageFactory pageFactory;

  private CoreAccess() {}

  /** Called once by {@link MesClient}'s static initialiser. */
  public static void registerExecutorAccess(ExecutorAccess access) {
    executorAccess = Objects.requireNonNull(access);
  }

  /** Called once by {@link Page}'s static initialiser. */
  public static void registerPageFactory(PageFactory factory) {
    pageFactory = Objects.requireNonNull(factory);
  }

  /**
   * The executor of a client: the way every module's calls go out (authentication, retries, circuit
   * breaker, error mapping).
   */
  public static ApiExecutor executor(MesClient client) {
    Objects.requireNonNull(client, "client");
    ExecutorAccess access = executorAccess;
    if (access == null) {
      // A MesClient instance exists, so its class is initialised and has registered.
      throw new IllegalStateException("MesClient did not register its executor access");
    }
    return access.executor(client);
  }

  /**
   * A page of a search result.
   *
   * @param items the items of this page
   * @param total the total the server counted, if any
   * @param nextLink the absolute link of the next page, or {@code null} on the last page
   * @param fetcher fetches the page of a next link (given to following pages too)
   */
  public static <T> Page<T> page(
      List<T> items, OptionalInt total, @Nullable String nextLink, PageFetcher<T> fetcher) {
    PageFactory factory = pageFactory;
    if (factory == null) {
      initialise(Page.class);
      factory = Objects.requireNonNull(pageFactory, "Page did not register its factory");
    }
    return factory.create(items, total, nextLink, fetcher);
  }

  private static void initialise(Class<?> type) {
    try {
      Class.forName(type.getName(), true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
