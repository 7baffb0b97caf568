package org.cfmr.mapreduce.chain;

import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.Mode;
import org.cfmr.core.similarity.Similarity;
import org.cfmr.core.similarity.NeighbourSettings;

/**
 * What every job of the chain needs to know, written to and read from the job
 * {@link Configuration} in this one place: the similarity settings, which side the entities are
 * (users for user–user, items for item–item), the train file (for error messages) and the
 * in-mapper combining memory bounds.
 *
 * @param mode user–user (the pivots are items) or item–item (the pivots are users)
 * @param chunkRatings the most pivot ratings job 2's mapper holds before it sums their pairs;
 *     0 (the default) sizes the chunk to a quarter of the map task's heap
 *     ({@link #chunkRatingsInThisJvm()})
 * @param candidateBuffer the most neighbour candidates job 3's mapper buffers before it flushes
 *     its per-entity top-K lists; 0 (the default) sizes the buffer to a quarter of the map task's
 *     heap ({@link #candidateBufferInThisJvm()})
 */
public record ChainSettings(NeighbourSettings similarity, Mode mode, String train,
    int chunkRatings, int candidateBuffer) {

  public static final int DEFAULT_CHUNK_RATINGS = 0;
  /** A chunk's rating in job 2's mapper: its copy, the matrix both ways and the pair layout. */
  static final int BYTES_PER_CHUNK_RATING = 100;
  static final int MIN_CHUNK_RATINGS = 100_000;
  public static final int DEFAULT_CANDIDATE_BUFFER = 0;
  /** A buffered candidate in job 3's mapper: its id and similarity, the list's share per slot. */
  static final int BYTES_PER_CANDIDATE = 20;
  static final int MIN_CANDIDATE_BUFFER = 100_000;

  private static final String PREFIX = "cfmr.chain.";

  /** The chain's settings with the default memory bounds. */
  public static ChainSettings of(NeighbourSettings similarity, Mode mode, String train) {
    return new ChainSettings(similarity, mode, train, DEFAULT_CHUNK_RATINGS,
        DEFAULT_CANDIDATE_BUFFER);
  }

  /** The memory bounds as set in {@code conf} ({@code -D cfmr.chain.chunk-ratings=N}, ...) or defaults. */
  public ChainSettings withBuffersFrom(Configuration conf) {
    return new ChainSettings(similarity, mode, train,
        conf.getInt(PREFIX + "chunk-ratings", chunkRatings),
        conf.getInt(PREFIX + "candidate-buffer", candidateBuffer));
  }

  /**
   * The chunk of job 2's mapper in this JVM (a map task's), in pivot ratings: as set, or as many
   * as a quarter of the heap holds. A split whose ratings fit is summed in one chunk, and then
   * each pair is emitted once per split.
   */
  public int chunkRatingsInThisJvm() {
    if (chunkRatings > 0) {
      return chunkRatings;
    }
    return (int) Math.max(MIN_CHUNK_RATINGS,
        Math.min(Integer.MAX_VALUE, quarterHeap() / BYTES_PER_CHUNK_RATING));
  }

  /**
   * The candidate buffer of job 3's mapper in this JVM, in candidates: as set, or as many as a
   * quarter of the heap holds (a top-K list holds K slots of an id and a similarity).
   */
  public int candidateBufferInThisJvm() {
    if (candidateBuffer > 0) {
      return candidateBuffer;
    }
    return (int) Math.max(MIN_CANDIDATE_BUFFER,
        Math.min(Integer.MAX_VALUE, quarterHeap() / BYTES_PER_CANDIDATE));
  }

  private static long quarterHeap() {
    return Runtime.getRuntime().maxMemory() / 4;
  }

  public void writeTo(Configuration conf) {
    conf.set(PREFIX + "measure", similarity.measure().cliName());
    conf.setDouble(PREFIX + "shrink", similarity.shrink());
    conf.setInt(PREFIX + "min-common", similarity.minCommon());
    conf.setDouble(PREFIX + "min-sim", similarity.minSim());
    conf.setInt(PREFIX + "k", similarity.k());
    conf.setInt(PREFIX + "max-pivot-ratings", similarity.maxPivotRatings());
    conf.setLong(PREFIX + "seed", similarity.seed());
    conf.set(PREFIX + "mode", mode.cliName());
    conf.set(PREFIX + "train", train);
    conf.setInt(PREFIX + "chunk-ratings", chunkRatings);
    conf.setInt(PREFIX + "candidate-buffer", candidateBuffer);
  }

  public static ChainSettings readFrom(Configuration conf) {
    NeighbourSettings similarity = new NeighbourSettings(
        Similarity.parse(conf.get(PREFIX + "measure")),
        conf.getDouble(PREFIX + "shrink", 0),
        conf.getInt(PREFIX + "min-common", 0),
        conf.getDouble(PREFIX + "min-sim", 0),
        conf.getInt(PREFIX + "k", 0),
        conf.getInt(PREFIX + "max-pivot-ratings", 0),
        conf.getLong(PREFIX + "seed", 0));
    return new ChainSettings(similarity, Mode.parse(conf.get(PREFIX + "mode")),
        conf.get(PREFIX + "train"), conf.getInt(PREFIX + "chunk-ratings", DEFAULT_CHUNK_RATINGS),
        conf.getInt(PREFIX + "candidate-buffer", DEFAULT_CANDIDATE_BUFFER));
  }

  /** Whether users are the entities (user–user), for the jobs' inner loops. */
  public boolean usersAreEntities() {
    return mode.usersAreEntities();
  }

  /** The entities' name in messages: "user" or "movie" (as MovieLens calls the items). */
  public String entityName() {
    return mode == Mode.USER ? "user" : "movie";
  }

  /** The pivots' name in messages: "movie" or "user". */
  public String pivotName() {
    return mode == Mode.USER ? "movie" : "user";
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
