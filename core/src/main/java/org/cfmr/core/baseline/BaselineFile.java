package org.cfmr.core.baseline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

  /**
   * The baseline {@link #write} wrote, with the exact fixed-point values: 12 decimals are within
   * 5e-13 star of a value, far less than half the unit (7.3e-12), so rounding gives it back.
   */
  public static Baseline read(InputStream in) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    long mu = 0;
    IdValues users = new IdValues();
    IdValues items = new IdValues();
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      String[] fields = line.split("\t");
      switch (fields[0]) {
        case "mu" -> mu = fixed(fields[1]);
        case "user" -> users.add(Integer.parseInt(fields[1]), fixed(fields[2]));
        case "item" -> items.add(Integer.parseInt(fields[1]), fixed(fields[2]));
        default -> throw new IOException(NAME + ": not a baseline line: " + line);
      }
    }
    return new Baseline(mu, users.ids(), users.values(), items.ids(), items.values());
  }

  /** Ids (ascending, as written) and their fixed-point values. */
  private static final class IdValues {
    private int[] ids = new int[1024];
    private long[] values = new long[1024];
    private int size;

    void add(int id, long value) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, 2 * size);
        values = Arrays.copyOf(values, 2 * size);
      }
      ids[size] = id;
      values[size++] = value;
    }

    int[] ids() {
      return Arrays.copyOf(ids, size);
    }

    long[] values() {
      return Arrays.copyOf(values, size);
    }
  }

  private static long fixed(String stars) {
    return FixedPointStars.of(Double.parseDouble(stars));
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
