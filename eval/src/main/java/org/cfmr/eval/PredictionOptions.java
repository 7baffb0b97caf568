package org.cfmr.eval;

import org.cfmr.core.baseline.BaselineSettings;
import org.cfmr.core.predict.Centring;
import picocli.CommandLine.Option;

/**
 * The options {@code cfmr evaluate} and {@code cfmr sweep} share about the predictions beyond the
 * neighbours: the predictor's centre and damping, the fallback of the "all ratings" figures and
 * the baseline's fit (a picocli mixin).
 */
public final class PredictionOptions {
  @Option(names = "--predictor", paramLabel = "mean-centred|knn-baseline",
      defaultValue = "mean-centred",
      description = "Centre the neighbours' ratings on the means (mu_u, resp. mu_i) or on the "
          + "fitted baseline b_ui (default: ${DEFAULT-VALUE}).")
  String predictor;

  @Option(names = "--damping", paramLabel = "λp", defaultValue = "0",
      description = "Added to Σ|sim| in the denominator, pulling predictions with little "
          + "neighbour support toward the centre (default: ${DEFAULT-VALUE}).")
  double damping;

  @Option(names = "--fallback", paramLabel = "baseline|user-mean", defaultValue = "baseline",
      description = "What the \"all ratings\" figures predict for an uncovered test rating: "
          + "b_ui, or mu_u (mu for a user without train ratings) (default: ${DEFAULT-VALUE}).")
  String fallback;

  @Option(names = "--baseline-reg-user", paramLabel = "λu", defaultValue = "15",
      description = "Regularisation of the baseline's user biases (default: ${DEFAULT-VALUE}).")
  double regUser;

  @Option(names = "--baseline-reg-item", paramLabel = "λi", defaultValue = "10",
      description = "Regularisation of the baseline's item biases (default: ${DEFAULT-VALUE}).")
  double regItem;

  @Option(names = "--baseline-epochs", paramLabel = "N", defaultValue = "10",
      description = "Alternating sweeps of the baseline's fit (default: ${DEFAULT-VALUE}).")
  int epochs;

  /** {@code settings} with these options. */
  EvaluationSettings apply(EvaluationSettings settings) {
    return settings.withCentring(Centring.parse(predictor), damping)
        .withFallback(Fallback.parse(fallback))
        .withBaseline(new BaselineSettings(regUser, regItem, epochs));
  }
}
