package org.cfmr.core.baseline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code baseline.txt}: the fitted baseline as text, one value a line in stars with 12 decimals
 * (finer than half the fixed-point unit, so the file gives back the exact biases):
 * {@code mu<TAB>μ}, then {@code user<TAB>id<TAB>b_u} by id, then {@code item<TAB>id<TAB>b_i} by id.
 */
public final class BaselineFile {
  public static final String NAME = "baseline.txt";

  private BaselineFile() {}

  public static void write(Baseline baseline, OutputStream out) throws IOException {
    StringBuilder text = new StringBuilder(64 * 1024);
    text.append("mu\t").append(stars(baseline.globalMeanFixed())).append('\n');
    for (int u = 0; u < baseline.users(); u++) {
      text.append("user\t").append(baseline.userId(u)).append('\t')
          .append(stars(baseline.userBiasFixed(u))).append('\n');
      flushIfFull(text, out);
    }
    for (int i = 0; i < baseline.items(); i++) {
      text.append("item\t").append(baseline.itemId(i)).append('\t')
          .append(stars(baseline.itemBiasFixed(i))).append('\n');
      flushIfFull(text, out);
    }
    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void flushIfFull(StringBuilder text, OutputStream out) throws IOException {
    if (text.length() > 60 * 1024) {
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
      text.setLength(0);
    }
  }

  private static String stars(long fixed) {
    return String.format(Locale.ROOT, "%.12f", FixedPointStars.stars(fixed));
  }
}
