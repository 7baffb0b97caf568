package org.cfmr.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The ranking neighbours behind one recommended movie, gathered row by row in rank order: their
 * {@link Evidence}, whether any has a similarity that is not 0, and the first
 * {@link Catalog#REASONS} of them as reasons to show.
 */
final class Backing {
  private Evidence evidence = Evidence.NONE;
  private boolean anyNonZero;
  private final List<Reason> reasons = new ArrayList<>();

  /** One more neighbour behind the movie, of similarity {@code similarity}. */
  void add(BigDecimal similarity, int id, String title, double rating) {
    evidence = evidence.plus(similarity);
    anyNonZero |= similarity.signum() != 0;
    if (reasons.size() < Catalog.REASONS) {
      reasons.add(new Reason(id, title, similarity.doubleValue(), rating));
    }
  }

  Evidence evidence() {
    return evidence;
  }

  /** Whether {@code Σ|sim| > 0}, as a ranked candidate must have. */
  boolean anyNonZero() {
    return anyNonZero;
  }

  List<Reason> reasons() {
    return reasons;
  }
}
