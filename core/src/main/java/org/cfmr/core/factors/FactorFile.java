package org.cfmr.core.factors;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.cfmr.core.NeighbourFileFormat;

/**
 * The factor file format ({@code user_factors.txt}, {@code item_factors.txt}): one line per
 * entity, sorted by id, {@code id<TAB>f1,f2,...,fk} with the same number {@code k} (the rank) of
 * factors on every line. Each factor is its exact binary value rounded half-even to 17
 * significant digits, trailing zeros dropped, in plain notation ({@link #appendValue}): enough
 * for the text to parse back to the very same {@code double}, so a model read from its files
 * predicts exactly what the fitted one did, and the same on every JDK.
 */
public final class FactorFile {
  private static final MathContext ROUND_TRIP = new MathContext(17, RoundingMode.HALF_EVEN);

  private FactorFile() {}

  /** The line of entity {@code id} whose factors are {@code values[offset .. offset+rank)}. */
  public static String formatLine(int id, double[] values, int offset, int rank) {
    StringBuilder line = new StringBuilder(16 + rank * 20);
    line.append(id).append('\t');
    for (int f = 0; f < rank; f++) {
      if (f > 0) {
        line.append(',');
      }
      appendValue(line, values[offset + f]);
    }
    return line.toString();
  }

  /** Appends {@code value} rounded to 17 significant digits (e.g. {@code -0.12345678901234568}). */
  public static void appendValue(StringBuilder out, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("cannot print the factor " + value);
    }
    if (value == 0) {
      out.append(1 / value < 0 ? "-0" : "0");
      return;
    }
    out.append(new BigDecimal(value).round(ROUND_TRIP).stripTrailingZeros().toPlainString());
  }

  /**
   * Parses one line into its id and factors, which are written to {@code values} from
   * {@code offset} on; returns the id.
   *
   * @param rank the number of factors the line must have
   * @throws IllegalArgumentException with a one-line reason when the line is malformed or has
   *     another number of factors
   */
  public static int parseLine(String text, int rank, double[] values, int offset) {
    int tab = text.indexOf('\t');
    if (tab <= 0) {
      throw new IllegalArgumentException("expected 'id<TAB>f1,f2,...'");
    }
    int id = NeighbourFileFormat.parseId(text.substring(0, tab));
    int count = factorCount(text, tab);
    if (count != rank) {
      throw new IllegalArgumentException(count + " factors, expected rank " + rank);
    }
    int start = tab + 1;
    for (int f = 0; f < rank; f++) {
      int comma = text.indexOf(',', start);
      int end = comma < 0 ? text.length() : comma;
      String field = text.substring(start, end);
      try {
        values[offset + f] = Double.parseDouble(field);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("factor '" + field + "' is not a number");
      }
      if (!Double.isFinite(values[offset + f])) {
        throw new IllegalArgumentException("factor '" + field + "' is not finite");
      }
      start = end + 1;
    }
    return id;
  }

  /** The number of factors on a line (commas after the tab, plus one). */
  public static int factorCount(String text, int tab) {
    int count = 1;
    for (int at = text.indexOf(',', tab + 1); at >= 0; at = text.indexOf(',', at + 1)) {
      count++;
    }
    return count;
  }
}
