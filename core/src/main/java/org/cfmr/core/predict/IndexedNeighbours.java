package org.cfmr.core.predict;

import org.cfmr.core.Mode;
import org.cfmr.core.CfmrException;

/**
 * A neighbour file checked against the train split and re-keyed by the train's dense indices:
 * every entity and neighbour must be a user (resp. item) of the train set, and each entity must
 * share at least one rated pivot with its first neighbour (true of every pair the neighbour jobs
 * keep, since minCommon ≥ 1) — which catches a file of the other mode or of another split. Also
 * holds the reverse lists (who has {@code j} among its neighbours, with the similarity), so that
 * a user's candidates are scored by scattering from the user's rated items.
 */
public final class IndexedNeighbours {
  private final int[] start;
  private final int[] neighbour;
  private final double[] similarity;
  private final int[] reverseStart;
  private final int[] reverse;
  private final long[] reverseEvidence;

  private IndexedNeighbours(int[] start, int[] neighbour, double[] similarity) {
    this.start = start;
    this.neighbour = neighbour;
    this.similarity = similarity;
    int entities = start.length - 1;
    this.reverseStart = new int[entities + 1];
    for (int n : neighbour) {
      reverseStart[n + 1]++;
    }
    for (int e = 0; e < entities; e++) {
      reverseStart[e + 1] += reverseStart[e];
    }
    this.reverse = new int[neighbour.length];
    this.reverseEvidence = new long[neighbour.length];
    int[] fill = java.util.Arrays.copyOf(reverseStart, entities);
    for (int e = 0; e < entities; e++) {
      for (int at = start[e]; at < start[e + 1]; at++) {
        int slot = fill[neighbour[at]]++;
        reverse[slot] = e;
        reverseEvidence[slot] = PackedEvidence.of(similarity[at]);
      }
    }
  }

  /**
   * Checks {@code lists} against {@code train} and indexes it.
   *
   * @throws CfmrException as {@code file:line: reason} when the file does not fit the train set
   */
  public static IndexedNeighbours of(NeighbourLists lists, TrainData train, Mode mode) {
    int entities = mode == Mode.USER ? train.users() : train.items();
    int[] start = new int[entities + 1];
    int total = lists.start(lists.entities());
    int[] neighbour = new int[total];
    double[] similarity = new double[total];
    int[] entityOfLine = new int[lists.entities()];
    for (int line = 0; line < lists.entities(); line++) {
      int entity = indexOf(lists, line, lists.id(line), train, mode);
      entityOfLine[line] = entity;
      start[entity + 1] = lists.start(line + 1) - lists.start(line);
      if (start[entity + 1] > PackedEvidence.MAX_LIST) {
        throw CfmrException.atLine(lists.source(), line + 1L, "a list of " + start[entity + 1]
            + " neighbours; at most " + PackedEvidence.MAX_LIST + " are supported");
      }
    }
    for (int e = 0; e < entities; e++) {
      start[e + 1] += start[e];
    }
    for (int line = 0; line < lists.entities(); line++) {
      int at = start[entityOfLine[line]];
      for (int p = lists.start(line); p < lists.start(line + 1); p++, at++) {
        neighbour[at] = indexOf(lists, line, lists.neighbourAt(p), train, mode);
        similarity[at] = lists.similarityAt(p);
      }
      checkSharesPivot(lists, line, entityOfLine[line], neighbour[start[entityOfLine[line]]],
          train, mode);
    }
    return new IndexedNeighbours(start, neighbour, similarity);
  }

  /** Entity e's neighbours (dense indices, best first) are at {@code [start(e), start(e+1))}. */
  public int start(int entity) {
    return start[entity];
  }

  public int neighbourAt(int position) {
    return neighbour[position];
  }

  public double similarityAt(int position) {
    return similarity[position];
  }

  /**
   * The entities that have {@code entity} among their neighbours are at
   * {@code [reverseStart(e), reverseStart(e+1))}, ascending: the inverted neighbour index.
   */
  public int reverseStart(int entity) {
    return reverseStart[entity];
  }

  public int reverseAt(int position) {
    return reverse[position];
  }

  /**
   * The {@link PackedEvidence} of {@code sim(reverseAt(p), e)}: the contribution of the
   * similarity with which the entity at {@code p} lists {@code e}.
   */
  public long reverseEvidenceAt(int position) {
    return reverseEvidence[position];
  }

  private static int indexOf(NeighbourLists lists, int line, int id, TrainData train, Mode mode) {
    int index = mode == Mode.USER ? train.userIndex(id) : train.itemIndex(id);
    if (index < 0) {
      throw CfmrException.atLine(lists.source(), line + 1L, mode.cliName() + " " + id
          + " has no train ratings: is this a file of " + other(mode)
          + " neighbours, or of another train split?");
    }
    return index;
  }

  private static void checkSharesPivot(NeighbourLists lists, int line, int entity, int first,
      TrainData train, Mode mode) {
    boolean shares = mode == Mode.USER
        ? train.usersShareItem(entity, first) : train.itemsShareUser(entity, first);
    if (!shares) {
      throw CfmrException.atLine(lists.source(), line + 1L, mode.cliName() + "s "
          + lists.id(line) + " and " + lists.neighbourAt(lists.start(line))
          + " have no rating in common in the train set: is this a file of " + other(mode)
          + " neighbours, or of another train split?");
    }
  }

  private static String other(Mode mode) {
    return mode == Mode.USER ? "item" : "user";
  }
}
