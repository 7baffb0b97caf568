package org.cfmr.core.predict;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.List;
import org.cfmr.core.Neighbour;
import org.cfmr.core.NeighbourFileFormat;
import org.cfmr.core.NeighbourFileReader;
import org.cfmr.core.CfmrException;

/**
 * A neighbour file ({@link NeighbourFileFormat}) held in primitive arrays: entity ids ascending, and for
 * each its neighbours best first with the similarities as printed (6 decimals). Entity number
 * {@code e} (0-based) is the file's line {@code e + 1}.
 */
public final class NeighbourLists {
  private final String source;
  private final int[] ids;
  private final int[] start;
  private final int[] neighbour;
  private final double[] similarity;

  private NeighbourLists(String source, int[] ids, int[] start, int[] neighbour,
      double[] similarity) {
    this.source = source;
    this.ids = ids;
    this.start = start;
    this.neighbour = neighbour;
    this.similarity = similarity;
  }

  /** Parses neighbour lines from {@code in}; {@code source} names them in errors. */
  public static NeighbourLists parse(String source, Reader in) throws IOException {
    Builder builder = new Builder();
    NeighbourFileReader reader = new NeighbourFileReader(source, in);
    for (NeighbourFileFormat.Line line = reader.next(); line != null; line = reader.next()) {
      builder.add(line.id(), line.neighbours());
    }
    return builder.build(source);
  }

  /** The file this came from, for messages. */
  public String source() {
    return source;
  }

  /** How many entities have neighbours. */
  public int entities() {
    return ids.length;
  }

  public int id(int entity) {
    return ids[entity];
  }

  /** Entity number of {@code id}, or -1 when it has no line. */
  public int entityOf(int id) {
    int at = Arrays.binarySearch(ids, id);
    return at < 0 ? -1 : at;
  }

  /** Entity e's neighbours are at {@code [start(e), start(e+1))} of {@link #neighbourAt}. */
  public int start(int entity) {
    return start[entity];
  }

  public int neighbourAt(int position) {
    return neighbour[position];
  }

  public double similarityAt(int position) {
    return similarity[position];
  }

  /** The lists cut to their first {@code k} neighbours (the top-K of a smaller K, exactly). */
  public NeighbourLists truncate(int k) {
    Builder builder = new Builder();
    for (int e = 0; e < ids.length; e++) {
      int end = Math.min(start[e + 1], start[e] + k);
      builder.addRange(ids[e], neighbour, similarity, start[e], end);
    }
    return builder.build(source + " (first " + k + ")");
  }

  private static final class Builder {
    int[] ids = new int[1024];
    int[] start = new int[1025];
    int[] neighbour = new int[1 << 14];
    double[] similarity = new double[1 << 14];
    int size;

    void add(int id, List<Neighbour> neighbours) {
      startEntity(id, neighbours.size());
      int at = start[size];
      for (Neighbour n : neighbours) {
        neighbour[at] = n.id();
        similarity[at] = n.similarity();
        at++;
      }
      start[++size] = at;
    }

    void addRange(int id, int[] ns, double[] sims, int from, int to) {
      startEntity(id, to - from);
      System.arraycopy(ns, from, neighbour, start[size], to - from);
      System.arraycopy(sims, from, similarity, start[size], to - from);
      start[size + 1] = start[size] + to - from;
      size++;
    }

    private void startEntity(int id, int count) {
      if (size + 1 == ids.length) {
        ids = Arrays.copyOf(ids, ids.length * 2);
        start = Arrays.copyOf(start, ids.length + 1);
      }
      int needed = start[size] + count;
      if (needed > neighbour.length) {
        int capacity = Math.max(needed, neighbour.length * 2);
        neighbour = Arrays.copyOf(neighbour, capacity);
        similarity = Arrays.copyOf(similarity, capacity);
      }
      ids[size] = id;
    }

    NeighbourLists build(String source) {
      int total = start[size];
      return new NeighbourLists(source, Arrays.copyOf(ids, size), Arrays.copyOf(start, size + 1),
          Arrays.copyOf(neighbour, total), Arrays.copyOf(similarity, total));
    }
  }
}
