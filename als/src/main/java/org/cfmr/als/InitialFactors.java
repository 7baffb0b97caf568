package org.cfmr.als;

import java.util.Random;
import org.cfmr.core.StableHash;

/**
 * A user's initial factor vector (the first half-iteration solves the items from these): {@code
 * rank} standard Gaussians scaled to unit length, as Spark's ALS starts, drawn from a
 * {@link Random} seeded with {@code StableHash(seed, 0, user)}. Each user's vector depends only
 * on the seed and the id, never on the order rows are visited in or which task visits them;
 * {@code Random}'s algorithm is fixed by its specification, so it is the same on every JDK.
 */
public final class InitialFactors {
  private InitialFactors() {}

  /** Writes {@code user}'s initial vector to {@code out[offset .. offset+rank)}. */
  public static void fill(long seed, int user, int rank, double[] out, int offset) {
    Random random = new Random(StableHash.hash(seed, 0, user));
    double squares = 0;
    for (int f = 0; f < rank; f++) {
      double value = random.nextGaussian();
      out[offset + f] = value;
      squares += value * value;
    }
    double norm = Math.sqrt(squares);
    for (int f = 0; f < rank; f++) {
      out[offset + f] /= norm;
    }
  }
}
