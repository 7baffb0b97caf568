package org.cfmr.core.predict;

import java.util.Locale;

/** The item-based prediction formula: centred on {@code c(u,i)} (the default) or the seed's plain weighted average. */
public enum ItemFormula {
  /** {@code c(u,i) + Σ sim(i,j)·(r_uj − c(u,j)) / Σ |sim(i,j)|}; the default ({@link Centring}). */
  CENTRED("centred"),
  /** {@code Σ sim(i,j)·r_uj / Σ |sim(i,j)|}: the seed's formula. */
  WEIGHTED("weighted");

  private final String cliName;

  ItemFormula(String cliName) {
    this.cliName = cliName;
  }

  /** One rated neighbour's term of the numerator: {@code sim·(r_uj − c(u,j))}, or {@code sim·r_uj}. */
  public double term(double similarity, double rating, double neighbourCentre) {
    return similarity * (this == CENTRED ? rating - neighbourCentre : rating);
  }

  /**
   * The prediction before clipping from the summed {@link #term terms} and the denominator
   * ({@code Σ|sim|}, plus any damping): {@code c(u,i) + terms / denominator}, or
   * {@code terms / denominator}.
   */
  public double combine(double centre, double terms, double denominator) {
    return (this == CENTRED ? centre : 0) + terms / denominator;
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
