package org.cfmr.mapreduce;

import org.cfmr.core.similarity.Shrinkage;
import org.cfmr.core.similarity.Similarity;
import org.cfmr.core.similarity.NeighbourSettings;
import picocli.CommandLine.Option;

/**
 * The options that decide the neighbour files, as {@code cfmr neighbours} and {@code cfmr
 * pipeline} share them (a picocli mixin), with {@link NeighbourSettings}' defaults. The seed of
 * the pivot sample is each command's own: {@code neighbours --seed}, or the pipeline's split seed.
 */
public final class NeighbourOptions {
  @Option(names = "--similarity", defaultValue = Similarity.DEFAULT_NAME,
      paramLabel = "cosine|pearson|adjusted-cosine|pearson-baseline|cooccurrence",
      converter = SimilarityConverter.class,
      description = "The measure; cosine --shrink 0 is the seed's; pearson-baseline correlates "
          + "the residuals from the baseline fitted with its default settings "
          + "(default: ${DEFAULT-VALUE}).")
  Similarity similarity;

  @Option(names = "--shrink", defaultValue = "" + Shrinkage.DEFAULT_LAMBDA, paramLabel = "LAMBDA",
      description = "Shrinkage: sim = raw * n / (n + LAMBDA); 0 turns it off "
          + "(default: ${DEFAULT-VALUE}).")
  double shrink;

  @Option(names = "--k", defaultValue = "" + NeighbourSettings.DEFAULT_K, paramLabel = "K",
      description = "Neighbours kept per entity (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--min-common", defaultValue = "" + NeighbourSettings.DEFAULT_MIN_COMMON,
      paramLabel = "N",
      description = "Least co-rated count for a pair to be kept (default: ${DEFAULT-VALUE}).")
  int minCommon;

  @Option(names = "--min-sim", defaultValue = "" + NeighbourSettings.DEFAULT_MIN_SIM,
      paramLabel = "S", description = "A pair is kept only when sim > S (default: ${DEFAULT-VALUE}).")
  double minSim;

  @Option(names = "--max-pivot-ratings", defaultValue = "0", paramLabel = "N",
      description = "Where a pivot has more than N ratings, pairs come from a seeded sample of N "
          + "of them; 0 means no cap (default: ${DEFAULT-VALUE}).")
  int maxPivotRatings;

  /** The settings these options give, with {@code seed} seeding the pivot sample. */
  public NeighbourSettings settings(long seed) {
    return new NeighbourSettings(similarity, shrink, minCommon, minSim, k, maxPivotRatings, seed);
  }

  /** The number of neighbours kept, for the commands that use it alone. */
  public int k() {
    return k;
  }

  static final class SimilarityConverter implements picocli.CommandLine.ITypeConverter<Similarity> {
    @Override
    public Similarity convert(String value) {
      return Similarity.parse(value);
    }
  }
}
