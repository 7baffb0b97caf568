package org.cfmr.sql;

import java.io.IOException;
import java.util.List;
import org.cfmr.core.Neighbour;
import org.cfmr.core.NeighbourFileFormat;
import org.cfmr.core.NeighbourFileReader;
import org.cfmr.core.SixDecimals;

/**
 * A neighbour file ({@code id<TAB>n1:s1,n2:s2,...}, read and checked with core's
 * {@link NeighbourFileReader}: ids strictly ascending, no entity its own neighbour, no neighbour
 * twice on a line, as the tables' keys rely on) into {@code user_neighbors} /
 * {@code item_neighbors} rows {@code (id, rank, neighbour, similarity)}, rank 1 being the first
 * (most similar) neighbour.
 */
final class NeighboursSource {
  private NeighboursSource() {}

  static void copy(InputFile in, TsvWriter out) {
    NeighbourFileReader reader = new NeighbourFileReader(in.path().toString(), in.reader());
    try {
      for (NeighbourFileFormat.Line line = reader.next(); line != null; line = reader.next()) {
        copyLine(out, line.id(), line.neighbours());
      }
    } catch (IOException e) {
      throw in.error(reader.lineNumber(), "cannot read: " + e.getMessage());
    }
  }

  private static void copyLine(TsvWriter out, int id, List<Neighbour> neighbours) {
    int rank = 0;
    for (Neighbour neighbour : neighbours) {
      out.plain(id).plain(++rank).plain(neighbour.id())
          .plain(SixDecimals.format(neighbour.similarity())).endRow();
    }
  }
}
