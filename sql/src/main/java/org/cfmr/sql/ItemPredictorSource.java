package org.cfmr.sql;

import com.fasterxml.jackson.databind.JsonNode;
import org.cfmr.core.CfmrException;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.baseline.BaselineFit;
import org.cfmr.core.baseline.BaselineSettings;
import org.cfmr.core.Rating;
import org.cfmr.core.predict.Centring;
import org.cfmr.core.predict.Fallback;
import org.cfmr.core.predict.ItemFormula;
import org.cfmr.core.predict.PredictionDefaults;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;

/**
 * The {@code item_predictor} row: how the run made its item-based predictions, read from the
 * item-based object of {@code metrics.json} (cfmr evaluate's defaults when the folder has none),
 * and the baseline {@code b_ui = μ + b_u + b_i} fitted on the train ratings with the run's
 * baseline settings, which {@code movie_stats} completes with each movie's {@code b_i}. The
 * dashboard predicts its live lists from them as {@code cfmr recommend} predicted the run's.
 */
final class ItemPredictorSource {
  private TrainRatings train = new TrainRatings();
  private ItemFormula formula = ItemFormula.CENTRED;
  private Centring centring = Centring.parse(PredictionDefaults.PREDICTOR);
  private double damping = Double.parseDouble(PredictionDefaults.DAMPING);
  private int minNeighbours = 1;
  private boolean clipped = true;
  private Fallback fallback = Fallback.parse(PredictionDefaults.FALLBACK);
  private BaselineSettings baselineSettings = BaselineSettings.DEFAULTS;
  private Baseline baseline;

  /**
   * Takes the settings of the item-based object of {@code metrics} (the object itself when it is
   * one model's, its {@code item} member otherwise); null or without one: the defaults.
   */
  void readSettings(JsonNode metrics, String file) {
    JsonNode item = metrics == null ? null
        : "item".equals(metrics.path("mode").asText()) ? metrics : metrics.get("item");
    if (item == null || !item.isObject()) {
      return;
    }
    try {
      formula = ItemFormula.parse(text(item, "item_formula", formula.cliName()));
      centring = Centring.parse(text(item, "predictor", centring.cliName()));
      damping = number(item, "damping", damping);
      minNeighbours = (int) number(item, "min_neighbours", minNeighbours);
      clipped = item.path("clipped").asBoolean(clipped);
      fallback = Fallback.parse(text(item, "fallback", fallback.cliName()));
      baselineSettings = new BaselineSettings(
          number(item, "baseline_reg_user", baselineSettings.userRegularisation()),
          number(item, "baseline_reg_item", baselineSettings.itemRegularisation()),
          (int) number(item, "baseline_epochs", baselineSettings.epochs()));
    } catch (IllegalArgumentException e) {
      throw new CfmrException(file + ": the item-based settings: " + e.getMessage());
    }
  }

  /** Keeps a train rating for the fit. */
  void add(Rating rating) {
    train.add(rating);
  }

  /** Fits the baseline on the train ratings kept; then frees them. */
  void fit(int threads) {
    baseline = BaselineFit.fit(TrainData.of(train), baselineSettings, threads);
    train = null;
  }

  /** {@code b_i} of {@code movie} in units of 2^-36 star, 0 for a movie without train ratings. */
  long itemBias(int movie) {
    int item = baseline.itemIndex(movie);
    return item < 0 ? 0 : baseline.itemBiasFixed(item);
  }

  /** The one row, in the schema's column order. */
  void copy(TsvWriter out) {
    out.plain(baseline.globalMeanFixed()).plain(formula.cliName()).plain(centring.cliName())
        .plain(damping).plain(minNeighbours).plain(clipped ? 1 : 0).plain(fallback.cliName())
        .plain(baselineSettings.userRegularisation()).plain(baselineSettings.itemRegularisation())
        .plain(baselineSettings.epochs()).endRow();
  }

  private static String text(JsonNode object, String key, String otherwise) {
    JsonNode value = object.get(key);
    return value != null && value.isTextual() ? value.asText() : otherwise;
  }

  private static double number(JsonNode object, String key, double otherwise) {
    JsonNode value = object.get(key);
    return value != null && value.isNumber() ? value.asDouble() : otherwise;
  }
}
