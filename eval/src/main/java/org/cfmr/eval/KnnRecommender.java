package org.cfmr.eval;

import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.predict.Clipping;
import org.cfmr.core.predict.Fallback;
import org.cfmr.core.predict.IndexedNeighbours;
import org.cfmr.core.predict.NeighbourLists;
import org.cfmr.core.predict.Predictor;
import org.cfmr.core.predict.RankingScore;
import org.cfmr.core.predict.TrainData;

/**
 * kNN's top-N lists: the {@code ranker} finds the candidates and orders them by the
 * {@code ranking} score, the {@code predictor} gives each listed movie its predicted rating, and
 * where the predictor does not cover a listed movie (its neighbours differ from the ranker's)
 * the {@code fallback} does. Ranker and predictor are one object when one neighbour file does
 * both.
 */
public record KnnRecommender(TrainData train, Predictor predictor, Predictor ranker,
    RankingScore ranking, Fallback.Prediction fallback) implements Recommender {

  /**
   * The recommender {@code settings} describe: predictions over {@code neighbours}, lists over
   * {@code rankingNeighbours} (the same object for one file); {@code baseline} is fitted with
   * {@code settings.baseline()}, or null when the settings need none.
   */
  public static KnnRecommender of(TrainData train, NeighbourLists neighbours,
      NeighbourLists rankingNeighbours, EvaluationSettings settings, Baseline baseline) {
    Predictor predictor = predictor(train, neighbours, settings, baseline);
    Predictor ranker = rankingNeighbours == neighbours ? predictor
        : predictor(train, rankingNeighbours, settings, baseline);
    return new KnnRecommender(train, predictor, ranker, settings.ranking(),
        settings.fallback().of(train, baseline, Clipping.of(train, settings.clip())));
  }

  /** One neighbour file for both predictions and lists. */
  public static KnnRecommender of(TrainData train, NeighbourLists neighbours,
      EvaluationSettings settings, Baseline baseline) {
    return of(train, neighbours, neighbours, settings, baseline);
  }

  @Override
  public String title() {
    return predictor.mode().title();
  }

  /** The predictor's and the ranker's scorers (the same one when they are). */
  @Override
  public UserScorers newScorers() {
    Predictor.UserScorer scorer = predictor.newScorer();
    return new Scorers(scorer, ranker == predictor ? scorer : ranker.newScorer(), ranking);
  }

  /** One thread's scorers, started together for each user. */
  private record Scorers(Predictor.UserScorer prediction, Predictor.UserScorer ranker,
      RankingScore ranking) implements UserScorers {
    @Override
    public void startUser(int user) {
      prediction.startUser(user);
      if (ranker != prediction) {
        ranker.startUser(user);
      }
    }

    @Override
    public double predict(int item) {
      return prediction.predict(item);
    }

    @Override
    public int[] candidates() {
      return ranker.candidates();
    }

    @Override
    public double rankingScore(int candidate) {
      return ranking.score(ranker, candidate);
    }
  }

  /**
   * The predictor {@code settings} describe over {@code neighbours}, checked against the train
   * split ({@link IndexedNeighbours}).
   */
  private static Predictor predictor(TrainData train, NeighbourLists neighbours,
      EvaluationSettings settings, Baseline baseline) {
    return Predictor.of(settings.mode(), train,
        IndexedNeighbours.of(neighbours, train, settings.mode()), settings.itemFormula(),
        settings.centring().centre(settings.mode(), train, baseline), settings.damping(),
        settings.minNeighbours(), Clipping.of(train, settings.clip()));
  }
}
