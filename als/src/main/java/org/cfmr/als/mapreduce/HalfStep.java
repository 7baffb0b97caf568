package org.cfmr.als.mapreduce;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.cfmr.als.AlsSettings;
import org.cfmr.als.InitialFactors;
import org.cfmr.als.NormalEquations;
import org.cfmr.als.TrainingError;
import org.cfmr.core.factors.FactorFile;
import org.cfmr.core.factors.Factors;

/**
 * A half-iteration as a map-only job over one side's rows file: each task loads the fixed side's
 * factors (the previous half-iteration's output, read whole from the file system in
 * {@code setup}, as a map-side join with a small table) and solves each of its rows with
 * {@link NormalEquations}, writing the row's factor line. Also the initial users' factors
 * ({@link InitialVectors}), so that the first half-iteration loads them like any other.
 */
public final class HalfStep {
  /** The folder of the fixed side's factor lines. */
  public static final String FIXED = "cfmr.als.fixed-factors";
  /** Whether to add the rows' squared errors to the counters (the users' half). */
  public static final String WITH_ERROR = "cfmr.als.with-error";

  /** A half-iteration's counters. */
  public enum Counter { ROWS, RATINGS, SQUARED_ERROR_UNITS }

  private HalfStep() {}

  /** Solves each row against the fixed side's factors. */
  public static final class RowSolver extends Mapper<IntWritable, RowRatings, Text, NullWritable> {
    private final Text line = new Text();
    private AlsSettings settings;
    private Factors fixed;
    private NormalEquations equations;
    private boolean withError;
    private int[] indices = new int[64];
    private double[] solved;

    @Override
    protected void setup(Context context) throws IOException {
      Configuration conf = context.getConfiguration();
      settings = AlsSettings.readFrom(conf);
      fixed = FactorParts.read(new Path(conf.get(FIXED)), settings.rank(), conf);
      equations = new NormalEquations(settings.rank());
      withError = conf.getBoolean(WITH_ERROR, false);
      solved = new double[settings.rank()];
    }

    @Override
    protected void map(IntWritable row, RowRatings ratings, Context context)
        throws IOException, InterruptedException {
      if (indices.length < ratings.size) {
        indices = new int[Math.max(ratings.size, 2 * indices.length)];
      }
      for (int at = 0; at < ratings.size; at++) {
        indices[at] = fixed.indexOf(ratings.others[at]);
        if (indices[at] < 0) {
          throw new IllegalStateException("no factors of " + ratings.others[at] + " in "
              + context.getConfiguration().get(FIXED));
        }
      }
      equations.solve(fixed.values(), indices, ratings.halfStars, 0, ratings.size,
          settings.reg(), solved, 0);
      line.set(FactorFile.formatLine(row.get(), solved, 0, settings.rank()));
      context.write(line, NullWritable.get());
      context.getCounter(Counter.ROWS).increment(1);
      context.getCounter(Counter.RATINGS).increment(ratings.size);
      if (withError) {
        context.getCounter(Counter.SQUARED_ERROR_UNITS).increment(TrainingError.rowUnits(
            fixed.values(), settings.rank(), indices, ratings.halfStars, 0, ratings.size, solved, 0));
      }
    }
  }

  /** Each user's initial vector ({@link InitialFactors}), from the users' rows file. */
  public static final class InitialVectors extends Mapper<IntWritable, RowRatings, Text, NullWritable> {
    private final Text line = new Text();
    private AlsSettings settings;
    private double[] vector;

    @Override
    protected void setup(Context context) {
      settings = AlsSettings.readFrom(context.getConfiguration());
      vector = new double[settings.rank()];
    }

    @Override
    protected void map(IntWritable user, RowRatings ratings, Context context)
        throws IOException, InterruptedException {
      InitialFactors.fill(settings.seed(), user.get(), settings.rank(), vector, 0);
      line.set(FactorFile.formatLine(user.get(), vector, 0, settings.rank()));
      context.write(line, NullWritable.get());
    }
  }
}
