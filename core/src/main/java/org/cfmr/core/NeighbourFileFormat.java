package org.cfmr.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The neighbour file format ({@code user_topk_neighbors.txt}, {@code item_topk_neighbors.txt}):
 * one line per entity with at least one neighbour, sorted by entity id,
 * {@code id<TAB>n1:s1,n2:s2,...}, best first, each similarity printed as {@code %.6f}, every line
 * ending with a line break. {@link NeighbourFileReader} reads and checks a whole file.
 */
public final class NeighbourFileFormat {
  private static final int DECIMALS = 6;

  private NeighbourFileFormat() {}

  /** The line for {@code id} and its neighbours (best first), without a line break. */
  public static String formatLine(int id, List<Neighbour> neighbours) {
    StringBuilder line = new StringBuilder(16 + neighbours.size() * 16);
    line.append(id).append('\t');
    for (int i = 0; i < neighbours.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      Neighbour neighbour = neighbours.get(i);
      line.append(neighbour.id()).append(':');
      SixDecimals.append(line, neighbour.similarity());
    }
    return line.toString();
  }

  /** One parsed line: the entity and its neighbours with their printed (rounded) similarities. */
  public record Line(int id, List<Neighbour> neighbours) {}

  /**
   * Parses one line and checks all that {@link #formatLine} guarantees: an id, then neighbours
   * {@code id:similarity} each with its similarity printed as {@code %.6f} within [-1, 1], best
   * first, none the entity itself nor listed twice.
   *
   * @throws IllegalArgumentException with a one-line reason when the line is malformed
   */
  public static Line parseLine(String text) {
    int tab = text.indexOf('\t');
    if (tab <= 0) {
      throw new IllegalArgumentException("expected 'id<TAB>neighbour:similarity,...'");
    }
    int id = parseId(text.substring(0, tab));
    List<Neighbour> neighbours = new ArrayList<>();
    int start = tab + 1;
    while (start < text.length()) {
      int comma = text.indexOf(',', start);
      int end = comma < 0 ? text.length() : comma;
      neighbours.add(parseNeighbour(text.substring(start, end), id, neighbours));
      start = end + 1;
    }
    if (neighbours.isEmpty()) {
      throw new IllegalArgumentException("entity " + id + " has no neighbours");
    }
    if (text.endsWith(",")) {
      throw new IllegalArgumentException("the line ends with ','");
    }
    requireDistinct(id, neighbours);
    return new Line(id, neighbours);
  }

  /** One {@code id:similarity} of entity {@code entity}'s line, after {@code before} on it. */
  private static Neighbour parseNeighbour(String text, int entity, List<Neighbour> before) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("neighbour '" + text + "' is not 'id:similarity'");
    }
    int id;
    try {
      id = parseId(text.substring(0, colon));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("neighbour '" + text + "' is not 'id:similarity'");
    }
    String printed = text.substring(colon + 1);
    if (!isSixDecimals(printed)) {
      throw new IllegalArgumentException("similarity '" + printed + "' of neighbour " + id
          + " is not a number printed with 6 decimals");
    }
    double similarity = Double.parseDouble(printed);
    if (Math.abs(similarity) > 1) {
      throw new IllegalArgumentException("similarity " + printed + " of neighbour " + id
          + " is outside [-1, 1]");
    }
    if (id == entity) {
      throw new IllegalArgumentException(entity + " is listed as its own neighbour");
    }
    if (!before.isEmpty() && similarity > before.get(before.size() - 1).similarity()) {
      throw new IllegalArgumentException("neighbour " + id + " (" + printed + ") is more similar "
          + "than the one before it (neighbours are listed best first)");
    }
    return new Neighbour(id, similarity);
  }

  /** Whether {@code text} is as {@link SixDecimals} prints: [-]digits, a point, six decimals. */
  private static boolean isSixDecimals(String text) {
    int point = text.length() - DECIMALS - 1;
    int firstDigit = text.startsWith("-") ? 1 : 0;
    if (point <= firstDigit || text.charAt(point) != '.') {
      return false;
    }
    for (int i = firstDigit; i < text.length(); i++) {
      if (i != point && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
        return false;
      }
    }
    return true;
  }

  private static void requireDistinct(int entity, List<Neighbour> neighbours) {
    int[] ids = neighbours.stream().mapToInt(Neighbour::id).sorted().toArray();
    for (int i = 1; i < ids.length; i++) {
      if (ids[i] == ids[i - 1]) {
        throw new IllegalArgumentException("neighbour " + ids[i] + " appears twice");
      }
    }
  }

  /** A MovieLens id as the files print it: a non-negative decimal integer. */
  public static int parseId(String text) {
    if (text.isEmpty() || !Character.isDigit(text.charAt(0))) {
      throw new IllegalArgumentException("'" + text + "' is not an id");
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not an id");
    }
  }
}
