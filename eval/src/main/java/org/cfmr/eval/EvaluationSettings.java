package org.cfmr.eval;

import org.cfmr.core.Mode;
import org.cfmr.core.predict.ItemFormula;
import org.cfmr.core.predict.RankingScore;

/**
 * How predictions are made, lists ranked and both judged. Defaults: mean-centred item formula, at
 * least 1 neighbour, clipped to the train range, lists ordered by {@link RankingScore#DEFAULT},
 * top-10 lists with test ratings ≥ 4.0 relevant, all cores.
 */
public record EvaluationSettings(
    Mode mode,
    ItemFormula itemFormula,
    int minNeighbours,
    boolean clip,
    RankingScore ranking,
    int topN,
    double relevantFrom,
    int threads) {

  public static final int DEFAULT_TOP_N = 10;
  public static final double DEFAULT_RELEVANT_FROM = 4.0;

  public EvaluationSettings {
    if (minNeighbours < 1) {
      throw new IllegalArgumentException("--min-neighbours must be >= 1, not " + minNeighbours);
    }
    if (topN < 1) {
      throw new IllegalArgumentException("--top-n must be >= 1, not " + topN);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, not " + threads);
    }
  }

  public static EvaluationSettings defaults(Mode mode) {
    return new EvaluationSettings(mode, ItemFormula.CENTRED, 1, true, RankingScore.DEFAULT,
        DEFAULT_TOP_N, DEFAULT_RELEVANT_FROM, Runtime.getRuntime().availableProcessors());
  }

  public EvaluationSettings withMode(Mode newMode) {
    return new EvaluationSettings(newMode, itemFormula, minNeighbours, clip, ranking, topN,
        relevantFrom, threads);
  }

  public EvaluationSettings withItemFormula(ItemFormula formula) {
    return new EvaluationSettings(mode, formula, minNeighbours, clip, ranking, topN,
        relevantFrom, threads);
  }

  public EvaluationSettings withThreads(int count) {
    return new EvaluationSettings(mode, itemFormula, minNeighbours, clip, ranking, topN,
        relevantFrom, count);
  }

  public EvaluationSettings withMinNeighbours(int min) {
    return new EvaluationSettings(mode, itemFormula, min, clip, ranking, topN, relevantFrom,
        threads);
  }

  public EvaluationSettings withClip(boolean on) {
    return new EvaluationSettings(mode, itemFormula, minNeighbours, on, ranking, topN,
        relevantFrom, threads);
  }

  public EvaluationSettings withRanking(RankingScore score) {
    return new EvaluationSettings(mode, itemFormula, minNeighbours, clip, score, topN,
        relevantFrom, threads);
  }

  /** e.g. {@code user-based} or {@code item-based (centred)}. */
  public String describe() {
    return mode == Mode.USER ? mode.title() : mode.title() + " (" + itemFormula + ")";
  }
}
