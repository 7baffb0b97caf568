package org.cfmr.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cfmr.core.Mode;
import org.cfmr.core.baseline.BaselineSettings;
import org.cfmr.core.predict.Centring;
import org.cfmr.core.predict.Fallback;
import org.cfmr.core.predict.ItemFormula;
import org.cfmr.core.predict.PredictionDefaults;
import org.cfmr.core.predict.RankingScore;
import org.cfmr.core.UsageException;

/**
 * How predictions are made, lists ranked and both judged. Defaults: mean-centred item formula, at
 * least 1 neighbour, clipped to the train range, lists ordered by {@link RankingScore#DEFAULT},
 * top-10 lists with test ratings ≥ 4.0 relevant, all cores; the centring, damping and fallback of
 * {@link PredictionDefaults}, the baseline the fallback of the "all ratings" figures.
 */
public record EvaluationSettings(
    Mode mode,
    ItemFormula itemFormula,
    int minNeighbours,
    boolean clip,
    RankingScore ranking,
    int topN,
    double relevantFrom,
    int threads,
    Centring centring,
    double damping,
    Fallback fallback,
    BaselineSettings baseline) {

  public static final int DEFAULT_TOP_N = 10;
  public static final double DEFAULT_RELEVANT_FROM = 4.0;

  /** The default centring, damping, fallback and baseline. */
  public EvaluationSettings(Mode mode, ItemFormula itemFormula, int minNeighbours, boolean clip,
      RankingScore ranking, int topN, double relevantFrom, int threads) {
    this(mode, itemFormula, minNeighbours, clip, ranking, topN, relevantFrom, threads,
        Centring.parse(PredictionDefaults.PREDICTOR),
        Double.parseDouble(PredictionDefaults.DAMPING), Fallback.parse(PredictionDefaults.FALLBACK),
        BaselineSettings.DEFAULTS);
  }

  public EvaluationSettings {
    if (minNeighbours < 1) {
      throw new UsageException("--min-neighbours must be >= 1, not " + minNeighbours);
    }
    if (topN < 1) {
      throw new UsageException("--top-n must be >= 1, not " + topN);
    }
    if (threads < 1) {
      throw new UsageException("--threads must be >= 1, not " + threads);
    }
    if (!Double.isFinite(relevantFrom)) {
      throw new UsageException("--relevant-from must be a rating, not " + relevantFrom);
    }
    if (!(damping >= 0) || Double.isInfinite(damping)) {
      throw new UsageException("--damping must be a number >= 0, not " + damping);
    }
    if (centring == Centring.BASELINE && itemFormula == ItemFormula.WEIGHTED) {
      throw new UsageException("--predictor knn-baseline centres on b_ui: it needs --item-formula "
          + "centred (the seed's weighted average goes with --predictor mean-centred --damping 0)");
    }
  }

  public static EvaluationSettings defaults(Mode mode) {
    return new EvaluationSettings(mode, ItemFormula.CENTRED, 1, true, RankingScore.DEFAULT,
        DEFAULT_TOP_N, DEFAULT_RELEVANT_FROM, Runtime.getRuntime().availableProcessors());
  }

  public EvaluationSettings withMode(Mode newMode) {
    return with(copy -> copy.mode = newMode);
  }

  public EvaluationSettings withItemFormula(ItemFormula formula) {
    return with(copy -> copy.itemFormula = formula);
  }

  public EvaluationSettings withThreads(int count) {
    return with(copy -> copy.threads = count);
  }

  public EvaluationSettings withMinNeighbours(int min) {
    return with(copy -> copy.minNeighbours = min);
  }

  public EvaluationSettings withClip(boolean on) {
    return with(copy -> copy.clip = on);
  }

  public EvaluationSettings withRanking(RankingScore score) {
    return with(copy -> copy.ranking = score);
  }

  /** kNN on residuals from {@code newCentring}'s centre, with the damping {@code λ_p}. */
  public EvaluationSettings withCentring(Centring newCentring, double newDamping) {
    return with(copy -> {
      copy.centring = newCentring;
      copy.damping = newDamping;
    });
  }

  public EvaluationSettings withFallback(Fallback newFallback) {
    return with(copy -> copy.fallback = newFallback);
  }

  public EvaluationSettings withBaseline(BaselineSettings newBaseline) {
    return with(copy -> copy.baseline = newBaseline);
  }

  /** These settings with {@code change} made to a copy of their values (checked again). */
  private EvaluationSettings with(Consumer<Values> change) {
    Values values = new Values(this);
    change.accept(values);
    return values.settings();
  }

  /** The components as variables, for the withers. */
  private static final class Values {
    Mode mode;
    ItemFormula itemFormula;
    int minNeighbours;
    boolean clip;
    RankingScore ranking;
    int topN;
    double relevantFrom;
    int threads;
    Centring centring;
    double damping;
    Fallback fallback;
    BaselineSettings baseline;

    Values(EvaluationSettings from) {
      mode = from.mode;
      itemFormula = from.itemFormula;
      minNeighbours = from.minNeighbours;
      clip = from.clip;
      ranking = from.ranking;
      topN = from.topN;
      relevantFrom = from.relevantFrom;
      threads = from.threads;
      centring = from.centring;
      damping = from.damping;
      fallback = from.fallback;
      baseline = from.baseline;
    }

    EvaluationSettings settings() {
      return new EvaluationSettings(mode, itemFormula, minNeighbours, clip, ranking, topN,
          relevantFrom, threads, centring, damping, fallback, baseline);
    }
  }

  /** Whether the predictions or their fallback need the fitted baseline. */
  public boolean needsBaseline() {
    return centring == Centring.BASELINE || fallback == Fallback.BASELINE;
  }

  /**
   * e.g. {@code user-based}, {@code item-based (centred)} or {@code user-based (knn-baseline
   * λp=5)}, with the baseline's settings where they are not the defaults.
   */
  public String describe() {
    String predictor = describePredictor();
    return predictor.isEmpty() ? mode.title() : mode.title() + " (" + predictor + ")";
  }

  /** What {@link #describe} says in brackets: centring or formula, damping, baseline (or ""). */
  public String describePredictor() {
    List<String> parts = new ArrayList<>();
    if (centring == Centring.BASELINE) {
      parts.add(centring.cliName());
    } else if (mode == Mode.ITEM) {
      parts.add(itemFormula.cliName());
    }
    if (damping != 0) {
      parts.add("λp=" + (damping == Math.rint(damping) ? Long.toString((long) damping)
          : Double.toString(damping)));
    }
    if (centring == Centring.BASELINE && !baseline.equals(BaselineSettings.DEFAULTS)) {
      parts.add(baseline.describe());
    }
    return String.join(" ", parts);
  }

}
