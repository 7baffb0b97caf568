package org.cfmr.als;

import org.cfmr.core.factors.Factors;

/**
 * A fitted ALS model: both sides' factors and the training RMSE after each iteration.
 *
 * @param ratings the number of train ratings it was fitted on
 */
public record AlsModel(Factors users, Factors items, double[] trainingRmse, long ratings) {}
