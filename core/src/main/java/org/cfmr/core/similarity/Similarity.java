package org.cfmr.core.similarity;

import java.util.Arrays;
import java.util.Locale;
import org.cfmr.core.EntityTotals;

/**
 * The similarity measures by their command-line names, each backed by its one
 * {@link SimilarityMeasure} class. Adding a measure is a class and a constant here.
 */
public enum Similarity implements SimilarityMeasure {
  /** The seed's measure ({@link CosineMeasure}). */
  COSINE("cosine", new CosineMeasure()),
  /** Pearson correlation on each entity's own mean ({@link PearsonMeasure}); the default. */
  PEARSON("pearson", new PearsonMeasure()),
  /** Cosine of deviations from each pivot's mean ({@link AdjustedCosineMeasure}). */
  ADJUSTED_COSINE("adjusted-cosine", new AdjustedCosineMeasure()),
  /** Pearson correlation of residuals from the fitted baseline ({@link PearsonBaselineMeasure}). */
  PEARSON_BASELINE("pearson-baseline", new PearsonBaselineMeasure()),
  /** Cosine of binary rated/not-rated vectors ({@link CooccurrenceMeasure}), for ranking. */
  COOCCURRENCE("cooccurrence", new CooccurrenceMeasure());

  /** The default measure's name, for the commands' option defaults. */
  public static final String DEFAULT_NAME = "pearson";

  private final String cliName;
  private final SimilarityMeasure measure;

  Similarity(String cliName, SimilarityMeasure measure) {
    this.cliName = cliName;
    this.measure = measure;
  }

  public String cliName() {
    return cliName;
  }

  @Override
  public PairValues pairValues() {
    return measure.pairValues();
  }

  @Override
  public boolean readsSupportOnly() {
    return measure.readsSupportOnly();
  }

  @Override
  public void keepReadSums(PairSums sums) {
    measure.keepReadSums(sums);
  }

  @Override
  public double raw(PairSums sums, EntityTotals a, EntityTotals b) {
    return measure.raw(sums, a, b);
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
