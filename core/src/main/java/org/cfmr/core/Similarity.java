package org.cfmr.core;

import java.util.Arrays;
import java.util.Locale;

/**
 * The similarity measures of the spec: each a cosine over the co-rated set of possibly centred
 * values. Item–item is user–user with the roles swapped, so the javadoc speaks of an entity (whose
 * neighbours are sought) and a pivot (what two entities have in common).
 */
public enum Similarity {
  /** The seed's measure: {@code x = r}, norms over co-rated values only. */
  COSINE("cosine", Centring.NONE),
  /** {@code x = r − mean of the entity's own train ratings}; the default. */
  PEARSON("pearson", Centring.ENTITY_MEAN),
  /** {@code x = r − mean of the pivot's train ratings} (Sarwar et al. 2001). */
  ADJUSTED_COSINE("adjusted-cosine", Centring.PIVOT_MEAN);

  /** What a rating is centred on before the cosine. */
  public enum Centring {
    NONE,
    ENTITY_MEAN,
    PIVOT_MEAN
  }

  private final String cliName;
  private final Centring centring;

  Similarity(String cliName, Centring centring) {
    this.cliName = cliName;
    this.centring = centring;
  }

  public String cliName() {
    return cliName;
  }

  public Centring centring() {
    return centring;
  }

  /** The measure named {@code name} on the command line ({@code cosine}, {@code pearson}, ...). */
  public static Similarity parse(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (Similarity similarity : values()) {
      if (similarity.cliName.equals(wanted)) {
        return similarity;
      }
    }
    throw new IllegalArgumentException(
        "unknown similarity '" + name + "' (expected one of "
            + Arrays.stream(values()).map(Similarity::cliName).toList() + ")");
  }

  @Override
  public String toString() {
    return cliName;
  }
}
