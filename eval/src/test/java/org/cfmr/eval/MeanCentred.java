package org.cfmr.eval;

import org.cfmr.core.Mode;
import org.cfmr.core.predict.Centring;

/** The spec's mean-centred predictions (no baseline, no damping), which the oracles implement. */
final class MeanCentred {
  private MeanCentred() {}

  static EvaluationSettings settings(Mode mode) {
    return EvaluationSettings.defaults(mode).withCentring(Centring.MEAN, 0);
  }
}
