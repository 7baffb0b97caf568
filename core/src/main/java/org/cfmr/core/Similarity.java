package org.cfmr.core;

import java.util.Arrays;
import java.util.Locale;

/**
 * The similarity measures: each a cosine, over the co-rated set of possibly centred values, or
 * (co-occurrence) over which pivots were rated at all. Item–item is user–user with the roles
 * swapped, so the javadoc speaks of an entity (whose neighbours are sought) and a pivot (what two
 * entities have in common).
 */
public enum Similarity {
  /** The seed's measure: {@code x = r}, norms over co-rated values only. */
  COSINE("cosine", Centring.NONE, false),
  /** {@code x = r − mean of the entity's own train ratings}; the default. */
  PEARSON("pearson", Centring.ENTITY_MEAN, false),
  /** {@code x = r − mean of the pivot's train ratings} (Sarwar et al. 2001). */
  ADJUSTED_COSINE("adjusted-cosine", Centring.PIVOT_MEAN, false),
  /**
   * The cosine of binary rated/not-rated vectors over all pivots:
   * {@code |P_a ∩ P_b| / sqrt(|P_a|·|P_b|)}, with {@code P_a} the pivots {@code a} rated in train.
   * It ignores the rating values, so it measures how often two entities occur together: the
   * measure for ranking top-N lists (Deshpande &amp; Karypis 2004).
   */
  COOCCURRENCE("cooccurrence", Centring.NONE, true);

  /** The default measure's name, for the commands' option defaults. */
  public static final String DEFAULT_NAME = "pearson";

  /** What a rating is centred on before the cosine. */
  public enum Centring {
    NONE,
    ENTITY_MEAN,
    PIVOT_MEAN
  }

  private final String cliName;
  private final Centring centring;
  private final boolean binary;

  Similarity(String cliName, Centring centring, boolean binary) {
    this.cliName = cliName;
    this.centring = centring;
    this.binary = binary;
  }

  public String cliName() {
    return cliName;
  }

  public Centring centring() {
    return centring;
  }

  /**
   * Whether the measure sees only which pivots were rated: its raw value follows from the support
   * and the entities' rating counts, and no sum of values is needed.
   */
  public boolean binary() {
    return binary;
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
