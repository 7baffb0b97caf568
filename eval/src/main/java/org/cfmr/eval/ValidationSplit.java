package org.cfmr.eval;

import java.util.Locale;
import org.cfmr.core.Rating;
import org.cfmr.core.StableHash;
import org.cfmr.core.UsageException;
import org.cfmr.core.ratings.TrainRatings;

/**
 * The train split T cut in two for the blend: the validation part V and the rest T\V. A train
 * rating of {@code item} by {@code user} is in V exactly when
 *
 * <pre>unit(hash(seed, −1, −1), user, item) &lt; fraction</pre>
 *
 * with {@link StableHash}: the split's seeded hash under a seed drawn from the split's seed, so V
 * is an independent {@code fraction} of T (under the split's own seed, T is where the hash is
 * below the train fraction, and V would be T's lowest hash values). Like the split, it depends
 * only on the seed and the ids, never on the order of the ratings. V holds train ratings only,
 * never a test rating.
 *
 * @param fit T\V, what the blend's parts are fitted on
 * @param validation V, grouped by user, what the blend's weights are fitted on
 */
public record ValidationSplit(TrainRatings fit, TestRatings validation) {
  /** The share of the train ratings in V by default. */
  public static final double DEFAULT_FRACTION = 0.1;

  /**
   * Cuts {@code train} with {@code seed}.
   *
   * @throws UsageException unless {@code 0 < fraction < 1}, or when V or T\V is empty
   */
  public static ValidationSplit of(TrainRatings train, long seed, double fraction) {
    requireFraction(fraction);
    long validationSeed = StableHash.hash(seed, -1, -1);
    TrainRatings fit = new TrainRatings();
    TrainRatings validation = new TrainRatings();
    for (int k = 0; k < train.size; k++) {
      boolean inValidation =
          StableHash.unit(validationSeed, train.users[k], train.items[k]) < fraction;
      (inValidation ? validation : fit).add(
          new Rating(train.users[k], train.items[k], train.halfStars[k], 0));
    }
    if (fit.size == 0 || validation.size == 0) {
      throw new UsageException(String.format(Locale.ROOT, "--blend-validation %s "
          + "leaves %s of the %,d train ratings empty: the blend needs ratings in both",
          fraction, fit.size == 0 ? "the fit part" : "the validation part", train.size));
    }
    return new ValidationSplit(fit, TestRatings.group(validation));
  }

  /** @throws UsageException unless {@code 0 < fraction < 1} */
  public static void requireFraction(double fraction) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new UsageException("--blend-validation must be between 0 and 1, both excluded (the "
          + "share of the train ratings the blend's weights are fitted on), not " + fraction);
    }
  }
}
