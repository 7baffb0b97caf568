package org.cfmr.eval;

import java.util.ArrayList;
import java.util.List;
import org.cfmr.core.baseline.BaselineSettings;
import org.cfmr.core.predict.Centring;
import org.cfmr.core.predict.ItemFormula;
import picocli.CommandLine.Option;

/**
 * {@code cfmr sweep}'s options about the predictions beyond the neighbours, each a list of values
 * to try: the predictor's centre, the damping and the baseline's regularisation; the fallback and
 * the baseline's number of sweeps are one value each (a picocli mixin). Every combination is one
 * prediction setting, evaluated on every grid point of the neighbours.
 */
public final class PredictionGrid {
  @Option(names = "--predictor", split = ",", paramLabel = "mean-centred|knn-baseline",
      defaultValue = EvaluationSettings.DEFAULT_PREDICTOR,
      description = "Centres of the neighbours' ratings to try (default: ${DEFAULT-VALUE}).")
  List<String> predictors;

  @Option(names = "--damping", split = ",", paramLabel = "λp",
      defaultValue = EvaluationSettings.DEFAULT_DAMPING,
      description = "Values added to Σ|sim| in the denominator (default: ${DEFAULT-VALUE}).")
  List<Double> dampings;

  @Option(names = "--baseline-reg-user", split = ",", paramLabel = "λu",
      defaultValue = BaselineSettings.DEFAULT_USER_REGULARISATION,
      description = "Regularisations of the baseline's user biases (default: ${DEFAULT-VALUE}).")
  List<Double> regUsers;

  @Option(names = "--baseline-reg-item", split = ",", paramLabel = "λi",
      defaultValue = BaselineSettings.DEFAULT_ITEM_REGULARISATION,
      description = "Regularisations of the baseline's item biases (default: ${DEFAULT-VALUE}).")
  List<Double> regItems;

  @Option(names = "--fallback", paramLabel = "baseline|user-mean",
      defaultValue = EvaluationSettings.DEFAULT_FALLBACK,
      description = "What the \"all ratings\" figures predict for an uncovered test rating "
          + "(default: ${DEFAULT-VALUE}).")
  String fallback;

  @Option(names = "--baseline-epochs", paramLabel = "N",
      defaultValue = BaselineSettings.DEFAULT_EPOCHS,
      description = "Alternating sweeps of the baseline's fit (default: ${DEFAULT-VALUE}).")
  int epochs;

  /**
   * {@code settings} with {@code formula} and each combination of centre, damping and baseline,
   * predictor outermost.
   */
  List<EvaluationSettings> apply(EvaluationSettings settings, ItemFormula formula) {
    SweepCommand.requireValues("--predictor", predictors);
    SweepCommand.requireValues("--damping", dampings);
    SweepCommand.requireValues("--baseline-reg-user", regUsers);
    SweepCommand.requireValues("--baseline-reg-item", regItems);
    EvaluationSettings base = settings.withFallback(Fallback.parse(fallback));
    List<EvaluationSettings> grid = new ArrayList<>();
    for (Centring centring : predictors.stream().map(Centring::parse).distinct().toList()) {
      for (double damping : dampings.stream().distinct().toList()) {
        for (BaselineSettings baseline : baselines()) {
          grid.add(base.withCentring(centring, damping).withBaseline(baseline)
              .withItemFormula(formula));
        }
      }
    }
    return grid;
  }

  /** Every pair of the baseline's λs, λu outermost. */
  List<BaselineSettings> baselines() {
    List<BaselineSettings> baselines = new ArrayList<>();
    for (double user : regUsers.stream().distinct().toList()) {
      for (double item : regItems.stream().distinct().toList()) {
        baselines.add(new BaselineSettings(user, item, epochs));
      }
    }
    return baselines;
  }
}
