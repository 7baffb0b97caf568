package org.cfmr.sql;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cfmr.core.Neighbour;
import org.cfmr.core.NeighbourFile;
import org.cfmr.core.SixDecimals;

/**
 * A neighbour file ({@code id<TAB>n1:s1,n2:s2,...}, parsed with core's {@link NeighbourFile}) into
 * {@code user_neighbors} / {@code item_neighbors} rows {@code (id, rank, neighbour, similarity)},
 * rank 1 being the first (most similar) neighbour. Checks what the tables' keys rely on: ids
 * strictly ascending, no entity its own neighbour, no neighbour twice on a line.
 */
final class NeighboursSource {
  private NeighboursSource() {}

  static void copy(InputFile in, TsvWriter out) {
    long previous = -1;
    for (String line = in.nextLine(); line != null; line = in.nextLine()) {
      NeighbourFile.Line parsed;
      try {
        parsed = NeighbourFile.parseLine(line);
      } catch (IllegalArgumentException e) {
        throw in.error(e.getMessage());
      }
      if (parsed.id() <= previous) {
        throw in.error("id " + parsed.id() + " is not after " + previous
            + " (the file must be sorted by id, one line per id)");
      }
      previous = parsed.id();
      copyLine(in, out, parsed.id(), parsed.neighbours());
    }
  }

  private static void copyLine(InputFile in, TsvWriter out, int id, List<Neighbour> neighbours) {
    Set<Integer> seen = new HashSet<>();
    int rank = 0;
    for (Neighbour neighbour : neighbours) {
      if (neighbour.id() == id) {
        throw in.error(id + " is listed as its own neighbour");
      }
      if (!seen.add(neighbour.id())) {
        throw in.error("neighbour " + neighbour.id() + " appears twice");
      }
      if (!(Math.abs(neighbour.similarity()) <= 1)) {
        throw in.error("similarity " + neighbour.similarity() + " of neighbour " + neighbour.id()
            + " is outside [-1, 1]");
      }
      out.plain(id).plain(++rank).plain(neighbour.id())
          .plain(SixDecimals.format(neighbour.similarity())).endRow();
    }
  }
}
