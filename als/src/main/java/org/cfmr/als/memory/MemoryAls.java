package org.cfmr.als.memory;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.als.AlsModel;
import org.cfmr.als.AlsSettings;
import org.cfmr.als.InitialFactors;
import org.cfmr.als.IterationLog;
import org.cfmr.als.NormalEquations;
import org.cfmr.als.TrainingError;
import org.cfmr.core.factors.Factors;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.runtime.Progress;
import org.cfmr.core.Workers;
import org.cfmr.core.io.RatingsReader;

/**
 * The in-memory ALS engine: the train ratings as both sides' rows ({@link RatingRows}) and both
 * sides' factors in flat {@code double} arrays; each half-iteration solves its rows on all
 * threads, a chunk of rows at a time ({@link NormalEquations}, one per thread). Memory: about 16
 * bytes a rating, {@code 8·rank} bytes a user and an item, and {@code 8·rank²} bytes a thread
 * (24 bytes a rating more while the file is read). A row's factors depend only on the fixed
 * side's factors and its own ratings, and the training error adds up exactly, so the result does
 * not depend on the number of threads.
 */
public final class MemoryAls {
  private static final int ROWS_PER_TASK = 64;

  private MemoryAls() {}

  /** Reads {@code train} (header-less CSV) and fits the model. */
  public static AlsModel fit(Path train, AlsSettings settings, int threads, Configuration conf) {
    return fit(RatingsReader.readTrain(train, conf), settings, threads);
  }

  /** Fits the model to ratings already in memory. */
  public static AlsModel fit(TrainRatings train, AlsSettings settings, int threads) {
    RatingRows[] rows = RatingRows.of(train);
    return fit(rows[0], rows[1], settings, threads);
  }

  static AlsModel fit(RatingRows users, RatingRows items, AlsSettings settings, int threads) {
    int rank = settings.rank();
    double[] userFactors = new double[users.rows() * rank];
    for (int u = 0; u < users.rows(); u++) {
      InitialFactors.fill(settings.seed(), users.ids[u], rank, userFactors, u * rank);
    }
    double[] itemFactors = new double[items.rows() * rank];
    double[] rmse = new double[settings.iterations()];
    long ratings = users.others.length;
    IterationLog log = new IterationLog(settings.iterations());
    for (int iteration = 1; iteration <= settings.iterations(); iteration++) {
      try (Progress progress = new Progress("als iteration " + iteration + "/"
          + settings.iterations() + ": ratings of the rows solved", 2 * ratings)) {
        solveSide(items, userFactors, itemFactors, settings, threads, progress, false);
        long units = solveSide(users, itemFactors, userFactors, settings, threads, progress, true);
        rmse[iteration - 1] = TrainingError.rmse(units, ratings);
      }
      log.done(iteration, rmse[iteration - 1]);
    }
    return new AlsModel(new Factors(rank, users.ids, userFactors),
        new Factors(rank, items.ids, itemFactors), rmse, ratings);
  }

  /**
   * Solves every row of {@code side} into {@code out}; returns the rows' squared-error units
   * when {@code withError} (else 0).
   */
  private static long solveSide(RatingRows side, double[] fixed, double[] out,
      AlsSettings settings, int threads, Progress progress, boolean withError) {
    int rank = settings.rank();
    AtomicInteger next = new AtomicInteger();
    AtomicLong units = new AtomicLong();
    Workers.runCopies(threads, () -> {
      NormalEquations equations = new NormalEquations(rank);
      long mine = 0;
      for (int first = next.getAndAdd(ROWS_PER_TASK); first < side.rows();
          first = next.getAndAdd(ROWS_PER_TASK)) {
        int last = Math.min(side.rows(), first + ROWS_PER_TASK);
        for (int r = first; r < last; r++) {
          int from = side.start[r];
          int to = side.start[r + 1];
          equations.solve(fixed, side.others, side.halfStars, from, to, settings.reg(), out,
              r * rank);
          mine += !withError ? 0 : TrainingError.rowUnits(fixed, rank, side.others, side.halfStars, from, to, out,
              r * rank);
        }
        progress.advance(side.start[last] - side.start[first]);
      }
      units.addAndGet(mine);
    });
    return units.get();
  }
}
