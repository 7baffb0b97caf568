package org.cfmr.als;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The line each finished iteration prints on standard error: its training RMSE, the time so far
 * and the estimated time to the end (at the mean pace of the iterations done), e.g.
 * {@code als: iteration 3/10: training RMSE 0.712345, 4.1 s, ETA 9.6 s}.
 */
public final class IterationLog {
  private final int iterations;
  private final PrintStream out;
  private final long startNanos = System.nanoTime();

  public IterationLog(int iterations) {
    this(iterations, System.err);
  }

  IterationLog(int iterations, PrintStream out) {
    this.iterations = iterations;
    this.out = out;
  }

  public void done(int iteration, double trainingRmse) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    double remaining = seconds / iteration * (iterations - iteration);
    out.println(String.format(Locale.ROOT, "als: iteration %d/%d: training RMSE %.6f, %.1f s%s",
        iteration, iterations, trainingRmse, seconds,
        iteration < iterations ? String.format(Locale.ROOT, ", ETA %.1f s", remaining) : ""));
  }
}
