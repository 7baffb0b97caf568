package org.cfmr.core.predict;

/**
 * What both predictors' per-thread scorers share: the current user, the dense
 * {@link PackedEvidence} array that a scatter fills, the candidates collected from it, and the
 * evidence reads of {@link Predictor.UserScorer}. A subclass does the scatter and says whether a
 * candidate whose similarities sum to 0 has a non-zero one ({@code Σ|sim| > 0}).
 */
abstract class EvidenceScorer implements Predictor.UserScorer {
  final TrainData train;
  /** Per item, the current user's packed evidence (0: none). */
  final long[] evidence;
  private final CandidateList candidates;
  private final int minNeighbours;
  int user = -1;

  EvidenceScorer(TrainData train, int minNeighbours) {
    this.train = train;
    this.minNeighbours = minNeighbours;
    this.evidence = new long[train.items()];
    this.candidates = new CandidateList(train.items());
  }

  @Override
  public void startUser(int u) {
    candidates.clear(evidence);
    user = u;
  }

  @Override
  public int[] candidates() {
    candidates.clear(evidence);
    scatter();
    return candidates.collect(evidence, train, user);
  }

  /** Adds every contribution of the current user's neighbourhood to {@link #evidence}. */
  abstract void scatter();

  /** Whether some neighbour behind {@code candidate} has a similarity that is not 0. */
  abstract boolean anyNonZeroSimilarity(int candidate);

  @Override
  public boolean covered(int candidate) {
    long packed = evidence[candidate];
    return PackedEvidence.support(packed) >= minNeighbours
        && (PackedEvidence.similarityMillionths(packed) != 0 || anyNonZeroSimilarity(candidate));
  }

  @Override
  public int support(int candidate) {
    return PackedEvidence.support(evidence[candidate]);
  }

  @Override
  public double similaritySum(int candidate) {
    return PackedEvidence.similarityMillionths(evidence[candidate]) / 1e6;
  }
}
