package org.cfmr.eval;

import java.util.ArrayList;
import java.util.List;
import org.cfmr.core.baseline.BaselineSettings;
import org.cfmr.core.predict.Centring;
import org.cfmr.core.predict.Fallback;
import org.cfmr.core.predict.ItemFormula;
import org.cfmr.core.predict.PredictionDefaults;
import org.cfmr.core.UsageException;
import picocli.CommandLine.Option;

/**
 * The options about the predictions beyond the neighbours, as every command that predicts shares
 * them (a picocli mixin): the predictor's centre, the damping, the baseline's fit and the
 * fallback. {@code cfmr sweep} takes a comma-separated list of predictors, dampings and baseline
 * λs and tries every combination ({@link #grid}); the other commands take one value each
 * ({@link #apply}).
 */
public final class PredictionOptions {
  @Option(names = "--predictor", split = ",", paramLabel = "mean-centred|knn-baseline",
      defaultValue = PredictionDefaults.PREDICTOR,
      description = "Centre the neighbours' ratings on the fitted baseline b_ui or on the means "
          + "(mu_u, resp. mu_i) (default: ${DEFAULT-VALUE}).")
  List<String> predictors;

  @Option(names = "--damping", split = ",", paramLabel = "λp",
      defaultValue = PredictionDefaults.DAMPING,
      description = "Added to Σ|sim| in the denominator, pulling predictions with little "
          + "neighbour support toward the centre (default: ${DEFAULT-VALUE}).")
  List<Double> dampings;

  @Option(names = "--baseline-reg-user", split = ",", paramLabel = "λu",
      defaultValue = BaselineSettings.DEFAULT_USER_REGULARISATION,
      description = "Regularisation of the baseline's user biases (default: ${DEFAULT-VALUE}).")
  List<Double> regUsers;

  @Option(names = "--baseline-reg-item", split = ",", paramLabel = "λi",
      defaultValue = BaselineSettings.DEFAULT_ITEM_REGULARISATION,
      description = "Regularisation of the baseline's item biases (default: ${DEFAULT-VALUE}).")
  List<Double> regItems;

  @Option(names = "--baseline-epochs", paramLabel = "N",
      defaultValue = BaselineSettings.DEFAULT_EPOCHS,
      description = "Alternating sweeps of the baseline's fit (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--fallback", paramLabel = "baseline|user-mean",
      defaultValue = PredictionDefaults.FALLBACK,
      description = "The prediction of a rating the neighbours do not cover (the \"all "
          + "ratings\" figures, a listed movie): b_ui, or mu_u (mu for a user without train "
          + "ratings) (default: ${DEFAULT-VALUE}).")
  String fallback;

  /**
   * {@code settings} with these options, one value each (a non-default item formula is set
   * after them).
   */
  public EvaluationSettings apply(EvaluationSettings settings) {
    return with(settings, Centring.parse(one("--predictor", predictors)),
        one("--damping", dampings), new BaselineSettings(one("--baseline-reg-user", regUsers),
            one("--baseline-reg-item", regItems), epochs));
  }

  /**
   * {@code settings} with {@code formula} and each combination of centre, damping and baseline,
   * predictor outermost ({@code cfmr sweep}).
   */
  List<EvaluationSettings> grid(EvaluationSettings settings, ItemFormula formula) {
    SweepCommand.requireValues("--predictor", predictors);
    SweepCommand.requireValues("--damping", dampings);
    List<EvaluationSettings> grid = new ArrayList<>();
    for (Centring centring : predictors.stream().map(Centring::parse).distinct().toList()) {
      for (double damping : dampings.stream().distinct().toList()) {
        for (BaselineSettings baseline : baselines()) {
          grid.add(with(settings, centring, damping, baseline).withItemFormula(formula));
        }
      }
    }
    return grid;
  }

  /** Every pair of the baseline's λs, λu outermost. */
  List<BaselineSettings> baselines() {
    SweepCommand.requireValues("--baseline-reg-user", regUsers);
    SweepCommand.requireValues("--baseline-reg-item", regItems);
    List<BaselineSettings> baselines = new ArrayList<>();
    for (double user : regUsers.stream().distinct().toList()) {
      for (double item : regItems.stream().distinct().toList()) {
        baselines.add(new BaselineSettings(user, item, epochs));
      }
    }
    return baselines;
  }

  private EvaluationSettings with(EvaluationSettings settings, Centring centring, double damping,
      BaselineSettings baseline) {
    return settings.withCentring(centring, damping).withBaseline(baseline)
        .withFallback(Fallback.parse(fallback));
  }

  /** The one value of {@code option}; a list is for {@code cfmr sweep} only. */
  private static <T> T one(String option, List<T> values) {
    if (values.size() != 1) {
      throw new UsageException(option + " takes one value here (cfmr sweep takes a list), not "
          + values.size());
    }
    return values.get(0);
  }
}
