package org.cfmr.core.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real MovieLens files and golden outputs in {@code ../shared} beside the checkout. Under
 * {@code CI=true} they must be there (a missing folder fails the test); on a user's clone without
 * them the test is skipped with the reason shown.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared folder; skips (or, under CI, fails) the calling test when it is absent. */
  public static Path root() {
    Path shared = Path.of(System.getProperty("cfmr.shared", "../shared")).toAbsolutePath().normalize();
    boolean present = Files.isDirectory(shared.resolve("data/movielens"));
    if ("true".equals(System.getenv("CI"))) {
      assertTrue(present, "CI=true but the shared data is missing at " + shared);
    } else {
      assumeTrue(present, "skipped: no ../shared/data/movielens beside this checkout (" + shared
          + "); tests on real MovieLens data run under CI=true");
    }
    return shared;
  }

  /** A file under {@code shared/data/movielens}, e.g. {@code ml-100k/u.data}. */
  public static Path movielens(String relative) {
    return root().resolve("data/movielens").resolve(relative);
  }

  /** A file under {@code shared/golden}, e.g. {@code ml-100k-u1/metrics.json}. */
  public static Path golden(String relative) {
    return root().resolve("golden").resolve(relative);
  }

  /** The project's root folder (where the top pom.xml is). */
  public static Path projectRoot() {
    return Path.of(System.getProperty("cfmr.projectRoot", "..")).toAbsolutePath().normalize();
  }

  /** The bundled dataset, {@code data/ml-latest-small} in the project. */
  public static Path bundled(String relative) {
    return projectRoot().resolve("data/ml-latest-small").resolve(relative);
  }
}
