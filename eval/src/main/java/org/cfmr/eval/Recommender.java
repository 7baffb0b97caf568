package org.cfmr.eval;

import org.cfmr.core.Mode;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.predict.Clipping;
import org.cfmr.core.predict.IndexedNeighbours;
import org.cfmr.core.predict.NeighbourLists;
import org.cfmr.core.predict.Predictor;
import org.cfmr.core.predict.RankingScore;
import org.cfmr.core.predict.TrainData;

/**
 * What makes a user's top-N list: the {@code ranker} finds the candidates and orders them by the
 * {@code ranking} score, the {@code predictor} gives each listed movie its predicted rating, and
 * where the predictor does not cover a listed movie (its neighbours differ from the ranker's)
 * the {@code fallback} does. Ranker and predictor are one object when one neighbour file does
 * both.
 */
public record Recommender(TrainData train, Predictor predictor, Predictor ranker,
    RankingScore ranking, Fallback.Prediction fallback) {

  /**
   * The recommender {@code settings} describe: predictions over {@code neighbours}, lists over
   * {@code rankingNeighbours} (the same object for one file); {@code baseline} is fitted with
   * {@code settings.baseline()}, or null when the settings need none.
   */
  public static Recommender of(TrainData train, NeighbourLists neighbours,
      NeighbourLists rankingNeighbours, EvaluationSettings settings, Baseline baseline) {
    Predictor predictor = predictor(train, neighbours, settings, baseline);
    Predictor ranker = rankingNeighbours == neighbours ? predictor
        : predictor(train, rankingNeighbours, settings, baseline);
    return new Recommender(train, predictor, ranker, settings.ranking(),
        settings.fallback().of(train, baseline, Clipping.of(train, settings.clip())));
  }

  /** One neighbour file for both predictions and lists. */
  public static Recommender of(TrainData train, NeighbourLists neighbours,
      EvaluationSettings settings, Baseline baseline) {
    return of(train, neighbours, neighbours, settings, baseline);
  }

  public Mode mode() {
    return predictor.mode();
  }

  /** Scorers for one thread: the predictor's and the ranker's (the same one when they are). */
  UserScorers newScorers() {
    Predictor.UserScorer scorer = predictor.newScorer();
    return new UserScorers(scorer, ranker == predictor ? scorer : ranker.newScorer());
  }

  /** One thread's scorers, started together for each user. */
  record UserScorers(Predictor.UserScorer prediction, Predictor.UserScorer ranking) {
    void startUser(int user) {
      prediction.startUser(user);
      if (ranking != prediction) {
        ranking.startUser(user);
      }
    }
  }

  /**
   * The predictor {@code settings} describe over {@code neighbours}, checked against the train
   * split ({@link IndexedNeighbours}).
   */
  private static Predictor predictor(TrainData train, NeighbourLists neighbours,
      EvaluationSettings settings, Baseline baseline) {
    Mode mode = settings.mode();
    return Predictor.of(mode, train, IndexedNeighbours.of(neighbours, train, mode),
        settings.itemFormula(), settings.centring().centre(mode, train, baseline),
        settings.damping(), settings.minNeighbours(), Clipping.of(train, settings.clip()));
  }
}
