package org.cfmr.core.predict;

import java.util.Locale;

/** The item-based prediction formula: mean-centred (the default) or the seed's plain weighted average. */
public enum ItemFormula {
  /** {@code mu_i + Σ sim(i,j)·(r_uj − mu_j) / Σ |sim(i,j)|}; the default. */
  CENTRED("centred"),
  /** {@code Σ sim(i,j)·r_uj / Σ |sim(i,j)|}: the seed's formula. */
  WEIGHTED("weighted");

  private final String cliName;

  ItemFormula(String cliName) {
    this.cliName = cliName;
  }

  /** One rated neighbour's term of the numerator: {@code sim·(r_uj − mu_j)}, or {@code sim·r_uj}. */
  public double term(double similarity, double rating, double neighbourMean) {
    return similarity * (this == CENTRED ? rating - neighbourMean : rating);
  }

  /**
   * The prediction before clipping from the summed {@link #term terms} and {@code Σ|sim|}:
   * {@code mu_i + terms / Σ|sim|}, or {@code terms / Σ|sim|}.
   */
  public double combine(double itemMean, double terms, double absSimilarities) {
    return (this == CENTRED ? itemMean : 0) + terms / absSimilarities;
  }

  public String cliName() {
    return cliName;
  }

  public static ItemFormula parse(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (ItemFormula formula : values()) {
      if (formula.cliName.equals(wanted)) {
        return formula;
      }
    }
    throw new IllegalArgumentException(
        "unknown item formula '" + name + "' (expected centred or weighted)");
  }

  @Override
  public String toString() {
    return cliName;
  }
}
