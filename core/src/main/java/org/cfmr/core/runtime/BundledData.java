package org.cfmr.core.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cfmr.core.CfmrException;

/**
 * The dataset shipped with cfmr (MovieLens ml-latest-small, {@code data/ml-latest-small} in the
 * installation), the default input of every command. {@code bin/cfmr} names the installation in
 * the {@code cfmr.home} system property; without it the working directory and its parents are
 * searched, which covers running from a checkout.
 */
public final class BundledData {
  public static final String FOLDER = "data/ml-latest-small";

  private BundledData() {}

  /** The bundled dataset's folder. */
  public static Path folder() {
    String home = System.getProperty("cfmr.home");
    if (home != null) {
      return Path.of(home).resolve(FOLDER);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(FOLDER))) {
        return dir.resolve(FOLDER);
      }
    }
    throw new CfmrException("cannot find the bundled dataset (" + FOLDER
        + "); run bin/cfmr from the cfmr folder or name the input with --input");
  }

  /** A file of the bundled dataset, e.g. {@code movies.csv}. */
  public static Path file(String name) {
    return folder().resolve(name);
  }
}
