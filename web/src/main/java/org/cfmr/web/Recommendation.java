package org.cfmr.web;

import java.util.List;

/**
 * One recommendation: its rank (1 = best), the movie, the predicted rating, what ranked it, and
 * the first few of the neighbours behind it (none behind ALS's: {@link Evidence#NONE}, no
 * reasons).
 */
public record Recommendation(int rank, Movie movie, double prediction, Evidence evidence,
    List<Reason> reasons) {}
