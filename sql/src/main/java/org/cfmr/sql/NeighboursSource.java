package org.cfmr.sql;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cfmr.core.Neighbour;
import org.cfmr.core.NeighbourFileFormat;
import org.cfmr.core.NeighbourFileReader;
import org.cfmr.core.SixDecimals;

/**
 * A neighbour file ({@code id<TAB>n1:s1,n2:s2,...}, read and checked with core's
 * {@link NeighbourFileReader}: ids strictly ascending, no entity its own neighbour, no neighbour
 * twice on a line, as the tables' keys rely on) into {@code user_neighbors} /
 * {@code item_neighbors} rows {@code (id, rank, neighbour, similarity)}, rank 1 being the first
 * (most similar) neighbour; {@code item_neighbors} rows end with the pair's support, from
 * {@link CoRaterCounts}.
 */
final class NeighboursSource {
  private NeighboursSource() {}

  static void copy(InputFile in, TsvWriter out) {
    forEachLine(in, line -> copyLine(out, line, null));
  }

  /** Copies the file with each neighbour's support counted by {@code coRaters}. */
  static void copyWithSupport(InputFile in, TsvWriter out, CoRaterCounts coRaters) {
    List<NeighbourFileFormat.Line> lines = new ArrayList<>();
    forEachLine(in, lines::add);
    int[][] support = coRaters.count(lines);
    for (int l = 0; l < lines.size(); l++) {
      copyLine(out, lines.get(l), support[l]);
    }
  }

  /** Reads and checks the file line by line with core's {@link NeighbourFileReader}. */
  private static void forEachLine(InputFile in, Consumer<NeighbourFileFormat.Line> action) {
    NeighbourFileReader reader = new NeighbourFileReader(in.path().toString(), in.reader());
    try {
      for (NeighbourFileFormat.Line line = reader.next(); line != null; line = reader.next()) {
        action.accept(line);
      }
    } catch (IOException e) {
      throw in.error(reader.lineNumber(), "cannot read: " + e.getMessage());
    }
  }

  /** The rows of one line, each ending with its neighbour's support when {@code support} is given. */
  private static void copyLine(TsvWriter out, NeighbourFileFormat.Line line, int[] support) {
    List<Neighbour> neighbours = line.neighbours();
    for (int k = 0; k < neighbours.size(); k++) {
      out.plain(line.id()).plain(k + 1).plain(neighbours.get(k).id())
          .plain(SixDecimals.format(neighbours.get(k).similarity()));
      if (support != null) {
        out.plain(support[k]);
      }
      out.endRow();
    }
  }
}
