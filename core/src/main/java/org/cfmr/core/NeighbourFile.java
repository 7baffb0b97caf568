package org.cfmr.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The neighbour file format ({@code user_topk_neighbors.txt}, {@code item_topk_neighbors.txt}):
 * one line per entity with at least one neighbour, sorted by entity id,
 * {@code id<TAB>n1:s1,n2:s2,...}, best first, each similarity printed as {@code %.6f}.
 */
public final class NeighbourFile {

  private NeighbourFile() {}

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
   * Parses one line.
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
      int colon = text.indexOf(':', start);
      if (colon < 0 || colon > end) {
        throw new IllegalArgumentException("neighbour '" + text.substring(start, end)
            + "' is not 'id:similarity'");
      }
      try {
        neighbours.add(new Neighbour(parseId(text.substring(start, colon)),
            Double.parseDouble(text.substring(colon + 1, end))));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("neighbour '" + text.substring(start, end)
            + "' is not 'id:similarity'");
      }
      start = end + 1;
    }
    if (neighbours.isEmpty()) {
      throw new IllegalArgumentException("entity " + id + " has no neighbours");
    }
    return new Line(id, neighbours);
  }

  private static int parseId(String text) {
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
