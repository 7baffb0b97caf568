package org.cfmr.mapreduce.chain;

import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.Similarity;
import org.cfmr.core.SimilaritySettings;

/**
 * What every job of the chain needs to know, written to and read from the job
 * {@link Configuration} in this one place: the similarity settings, which side the entities are
 * (users for user–user, items for item–item), the train file (for error messages) and the
 * in-mapper combining memory bounds.
 *
 * @param usersAreEntities true for user–user (pivots are items), false for item–item
 * @param pairBuffer the most pair sums job 2's mapper buffers before it flushes its stripes;
 *     0 (the default) sizes the buffer to a quarter of the map task's heap
 *     ({@link #pairBufferInThisJvm()})
 * @param candidateBuffer the most neighbour candidates job 3's mapper buffers before it flushes
 *     its per-entity top-K lists (default {@value #DEFAULT_CANDIDATE_BUFFER}, ~40 bytes each)
 */
public record ChainSettings(SimilaritySettings similarity, boolean usersAreEntities, String train,
    int pairBuffer, int candidateBuffer) {

  public static final int DEFAULT_PAIR_BUFFER = 0;
  /** A buffered pair's sums in a stripe (~70 bytes) with room for a stripe's growth. */
  static final int BYTES_PER_BUFFERED_PAIR = 100;
  static final int MIN_PAIR_BUFFER = 100_000;
  public static final int DEFAULT_CANDIDATE_BUFFER = 2_000_000;

  private static final String PREFIX = "cfmr.chain.";

  /** The chain's settings with the default memory bounds. */
  public static ChainSettings of(SimilaritySettings similarity, boolean usersAreEntities,
      String train) {
    return new ChainSettings(similarity, usersAreEntities, train, DEFAULT_PAIR_BUFFER,
        DEFAULT_CANDIDATE_BUFFER);
  }

  /** The memory bounds as set in {@code conf} ({@code -D cfmr.chain.pair-buffer=N}, ...) or defaults. */
  public ChainSettings withBuffersFrom(Configuration conf) {
    return new ChainSettings(similarity, usersAreEntities, train,
        conf.getInt(PREFIX + "pair-buffer", pairBuffer),
        conf.getInt(PREFIX + "candidate-buffer", candidateBuffer));
  }

  /**
   * The pair buffer of job 2's mapper in this JVM (a map task's): as set, or a quarter of the
   * heap. Larger is better while it fits: every flush re-emits the pairs a later pivot adds to
   * again (on synthetic 1/16 item–item, 2M pairs flushed 484M stripe entries for 13.8M distinct
   * pairs; a buffer that holds them all emits each once and took the chain's CPU from 427 s to
   * 163 s).
   */
  public int pairBufferInThisJvm() {
    if (pairBuffer > 0) {
      return pairBuffer;
    }
    long quarterHeap = Runtime.getRuntime().maxMemory() / 4;
    return (int) Math.max(MIN_PAIR_BUFFER,
        Math.min(Integer.MAX_VALUE, quarterHeap / BYTES_PER_BUFFERED_PAIR));
  }

  public void writeTo(Configuration conf) {
    conf.set(PREFIX + "measure", similarity.measure().cliName());
    conf.setDouble(PREFIX + "shrink", similarity.shrink());
    conf.setInt(PREFIX + "min-common", similarity.minCommon());
    conf.setDouble(PREFIX + "min-sim", similarity.minSim());
    conf.setInt(PREFIX + "k", similarity.k());
    conf.setInt(PREFIX + "max-pivot-ratings", similarity.maxPivotRatings());
    conf.setLong(PREFIX + "seed", similarity.seed());
    conf.setBoolean(PREFIX + "users-are-entities", usersAreEntities);
    conf.set(PREFIX + "train", train);
    conf.setInt(PREFIX + "pair-buffer", pairBuffer);
    conf.setInt(PREFIX + "candidate-buffer", candidateBuffer);
  }

  public static ChainSettings readFrom(Configuration conf) {
    SimilaritySettings similarity = new SimilaritySettings(
        Similarity.parse(conf.get(PREFIX + "measure")),
        conf.getDouble(PREFIX + "shrink", 0),
        conf.getInt(PREFIX + "min-common", 0),
        conf.getDouble(PREFIX + "min-sim", 0),
        conf.getInt(PREFIX + "k", 0),
        conf.getInt(PREFIX + "max-pivot-ratings", 0),
        conf.getLong(PREFIX + "seed", 0));
    return new ChainSettings(similarity, conf.getBoolean(PREFIX + "users-are-entities", true),
        conf.get(PREFIX + "train"), conf.getInt(PREFIX + "pair-buffer", DEFAULT_PAIR_BUFFER),
        conf.getInt(PREFIX + "candidate-buffer", DEFAULT_CANDIDATE_BUFFER));
  }

  /** The entities' name in messages: "user" or "movie". */
  public String entityName() {
    return usersAreEntities ? "user" : "movie";
  }

  /** The pivots' name in messages: "movie" or "user". */
  public String pivotName() {
    return usersAreEntities ? "movie" : "user";
  }

  /** What decides phases 1 and 2 (pivot vectors, pair sums): a resumed run must continue the same. */
  public String pairsFingerprint() {
    return "train=" + train + " entities=" + entityName() + " similarity=" + similarity.measure()
        + " maxPivotRatings=" + similarity.maxPivotRatings() + " seed=" + similarity.seed();
  }

  /** What decides phases 3 and 4 besides that (shrinkage, thresholds, K). */
  public String scoresFingerprint() {
    return pairsFingerprint() + " " + similarity.describe();
  }
}
