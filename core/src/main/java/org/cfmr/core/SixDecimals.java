package org.cfmr.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prints a double as C's {@code %.6f} does: the exact binary value rounded half-even to six
 * decimals. ({@code String.format("%.6f")} rounds Java's shortest decimal string instead, which
 * differs in rare half-way cases.) A fast path handles all values not near a rounding boundary.
 */
public final class SixDecimals {
  private static final double SCALE = 1e6;

  private SixDecimals() {}

  /**
   * A value printed with six decimals (a neighbour file's similarity, read back as a double) in
   * millionths: exact, so sums of such values in {@code long} do not depend on their order.
   */
  public static long millionths(double value) {
    return Math.round(value * SCALE);
  }

  public static String format(double value) {
    StringBuilder out = new StringBuilder(12);
    append(out, value);
    return out.toString();
  }

  public static void append(StringBuilder out, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("cannot print " + value);
    }
    double magnitude = Math.abs(value);
    double scaled = magnitude * SCALE;
    double floor = Math.floor(scaled);
    double fraction = scaled - floor;
    if (scaled >= 0x1.0p52 || Math.abs(fraction - 0.5) < 1e-6) {
      String exact = new BigDecimal(value).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
      // BigDecimal has no negative zero; C prints "-0.000000" for a negative value.
      out.append(value < 0 && exact.charAt(0) != '-' ? "-" : "").append(exact);
      return;
    }
    long units = (long) floor + (fraction > 0.5 ? 1 : 0);
    if (value < 0 || (value == 0 && 1 / value < 0)) {
      out.append('-');
    }
    out.append(units / 1_000_000).append('.');
    String decimals = Long.toString(units % 1_000_000);
    for (int i = decimals.length(); i < 6; i++) {
      out.append('0');
    }
    out.append(decimals);
  }
}
