package org.cfmr.core.factors;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.cfmr.core.Neighbour;
import org.cfmr.core.NeighbourFileFormat;
import org.cfmr.core.TopNeighbours;
import org.cfmr.core.Workers;

/**
 * Neighbours from factors: for each entity a, the cosine of its factor vector with every other
 * entity b's, {@code sim(a,b) = x_a·x_b / (|x_a|·|x_b|)}, and its top-K ({@link TopNeighbours}:
 * similarity descending, ties by id) among those with {@code sim > 0}, written as a neighbour
 * file ({@link NeighbourFileFormat}). Entities with a zero vector have no neighbours and are no one's.
 *
 * <p>Exhaustive: {@code n²·rank} multiply-adds (about 5 s for ml-latest-small's 9,000 items at
 * rank 64 on two cores). Each entity's row is computed by one thread, whole, so the file does not
 * depend on the thread count; each dot product sums the factors in order, so {@code sim(a,b)} and
 * {@code sim(b,a)} are the same double.
 */
public final class FactorNeighbours {
  private static final int ROWS_PER_TASK = 16;

  private FactorNeighbours() {}

  /** The top-K neighbours of entity {@code a}, best first. */
  public static List<Neighbour> of(Factors factors, double[] norms, int a, int k) {
    TopNeighbours top = new TopNeighbours(k);
    if (norms[a] > 0) {
      for (int b = 0; b < factors.size(); b++) {
        if (b != a && norms[b] > 0) {
          double similarity = factors.dot(a, factors, b) / (norms[a] * norms[b]);
          if (similarity > 0) {
            top.offer(factors.id(b), similarity);
          }
        }
      }
    }
    return top.best();
  }

  /** Each entity's Euclidean norm, {@code sqrt(x·x)}. */
  public static double[] norms(Factors factors) {
    double[] norms = new double[factors.size()];
    for (int e = 0; e < norms.length; e++) {
      norms[e] = Math.sqrt(factors.dot(e, factors, e));
    }
    return norms;
  }

  /**
   * The neighbour file's line of each entity ({@link NeighbourFileFormat}), null for an entity
   * without neighbours, computed by {@code threads} threads; {@code done} hears how many entities
   * each task finished.
   */
  public static String[] lines(Factors factors, int k, int threads, LongConsumer done) {
    double[] norms = norms(factors);
    String[] lines = new String[factors.size()];
    AtomicInteger next = new AtomicInteger();
    Workers.runCopies(threads, () -> {
      for (int start = next.getAndAdd(ROWS_PER_TASK); start < lines.length;
          start = next.getAndAdd(ROWS_PER_TASK)) {
        int end = Math.min(lines.length, start + ROWS_PER_TASK);
        for (int a = start; a < end; a++) {
          List<Neighbour> best = of(factors, norms, a, k);
          lines[a] = best.isEmpty() ? null : NeighbourFileFormat.formatLine(factors.id(a), best);
        }
        done.accept(end - start);
      }
    });
    return lines;
  }
}
