package org.cfmr.als;

import java.util.Locale;

/**
 * Which engine fits the model ({@code --engine}): {@code memory} (all cores of this machine) or
 * {@code mapreduce} (a chain of jobs, for inputs on a cluster). Both write byte-identical files.
 */
public enum AlsEngine {
  MEMORY,
  MAPREDUCE;

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AlsEngine parse(String value) {
    for (AlsEngine engine : values()) {
      if (engine.cliName().equals(value.trim().toLowerCase(Locale.ROOT))) {
        return engine;
      }
    }
    throw new IllegalArgumentException("--engine must be memory or mapreduce, not '" + value + "'");
  }
}
