package org.cfmr.web;

import java.math.BigDecimal;

/**
 * What ranked a recommendation (the similarity-sum score over the ranking neighbours): how many
 * of the user's rated movies list it among their neighbours' (item-based) or how many of the
 * user's neighbours rated it (user-based), and the sum of those similarities, exact.
 */
public record Evidence(int support, BigDecimal similaritySum) {
  public static final Evidence NONE = new Evidence(0, BigDecimal.ZERO);

  /** This evidence and one more neighbour of similarity {@code similarity}. */
  Evidence plus(BigDecimal similarity) {
    return new Evidence(support + 1, similaritySum.add(similarity));
  }
}
