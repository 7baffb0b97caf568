package org.cfmr.eval;

import org.cfmr.core.baseline.BaselineSettings;
import org.cfmr.core.predict.Centring;
import picocli.CommandLine.Option;

/**
 * The options {@code cfmr evaluate} and {@code cfmr recommend} share about the predictions beyond
 * the neighbours: the predictor's centre and damping and the baseline's fit (a picocli mixin;
 * {@link PredictionGrid} is {@code cfmr sweep}'s list-valued form).
 */
public final class PredictionOptions {
  @Option(names = "--predictor", paramLabel = "mean-centred|knn-baseline",
      defaultValue = EvaluationSettings.DEFAULT_PREDICTOR,
      description = "Centre the neighbours' ratings on the means (mu_u, resp. mu_i) or on the "
          + "fitted baseline b_ui (default: ${DEFAULT-VALUE}).")
  String predictor;

  @Option(names = "--damping", paramLabel = "λp",
      defaultValue = EvaluationSettings.DEFAULT_DAMPING,
      description = "Added to Σ|sim| in the denominator, pulling predictions with little "
          + "neighbour support toward the centre (default: ${DEFAULT-VALUE}).")
  double damping;

  @Option(names = "--baseline-reg-user", paramLabel = "λu",
      defaultValue = BaselineSettings.DEFAULT_USER_REGULARISATION,
      description = "Regularisation of the baseline's user biases (default: ${DEFAULT-VALUE}).")
  double regUser;

  @Option(names = "--baseline-reg-item", paramLabel = "λi",
      defaultValue = BaselineSettings.DEFAULT_ITEM_REGULARISATION,
      description = "Regularisation of the baseline's item biases (default: ${DEFAULT-VALUE}).")
  double regItem;

  @Option(names = "--baseline-epochs", paramLabel = "N",
      defaultValue = BaselineSettings.DEFAULT_EPOCHS,
      description = "Alternating sweeps of the baseline's fit (default: ${DEFAULT-VALUE}).")
  int epochs;

  /** {@code settings} with these options (a non-default item formula is set after them). */
  public EvaluationSettings apply(EvaluationSettings settings) {
    return settings.withCentring(Centring.parse(predictor), damping)
        .withBaseline(new BaselineSettings(regUser, regItem, epochs));
  }
}
