package org.cfmr.web;

import java.util.List;

/** One recommendation: its rank (1 = best), the movie, the predicted rating and why. */
public record Recommendation(int rank, Movie movie, double prediction, List<Reason> reasons) {}
