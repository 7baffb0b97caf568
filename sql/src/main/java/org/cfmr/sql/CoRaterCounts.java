package org.cfmr.sql;

import java.util.Arrays;
import java.util.List;
import org.cfmr.core.Neighbour;
import org.cfmr.core.NeighbourFileFormat;
import org.cfmr.core.Rating;

/**
 * Each stored movie neighbour's support: how many users rated both the movie and the neighbour in
 * the train split, {@code |U(i) ∩ U(j)|}. The train ratings are kept as they are copied; the
 * counts come from one pass over them by user: for each user's rated movie {@code i}, every
 * neighbour {@code j} of {@code i} the user also rated counts once. That costs a lookup per
 * (rating, neighbour), not the per-pair intersections of the raters' lists that the dashboard
 * would otherwise run for every movie page.
 */
final class CoRaterCounts {
  private long[] ratings = new long[1 << 16];
  private int size;

  /** Keeps a train rating (user, movie). */
  void add(Rating rating) {
    if (size == ratings.length) {
      ratings = Arrays.copyOf(ratings, size * 2);
    }
    ratings[size++] = RatingsSource.key(rating.user(), rating.item());
  }

  /**
   * The support of every neighbour in {@code lines}: element {@code [l][k]} is the number of
   * train users who rated both {@code lines.get(l).id()} and its {@code k}-th neighbour.
   */
  int[][] count(List<NeighbourFileFormat.Line> lines) {
    int[][] neighbours = new int[lines.size()][];
    int[][] support = new int[lines.size()][];
    int maxId = 0;
    for (int l = 0; l < lines.size(); l++) {
      neighbours[l] = lines.get(l).neighbours().stream().mapToInt(Neighbour::id).toArray();
      support[l] = new int[neighbours[l].length];
      maxId = Math.max(maxId, lines.get(l).id());
      maxId = Math.max(maxId, Arrays.stream(neighbours[l]).max().orElse(0));
    }
    int[] lineOf = linesById(lines, maxId);
    long[] byUser = Arrays.copyOf(ratings, size);
    Arrays.parallelSort(byUser);
    boolean[] rated = new boolean[maxId + 1];
    for (int start = 0, end; start < byUser.length; start = end) {
      end = userEnd(byUser, start);
      mark(byUser, start, end, rated, true);
      for (int r = start; r < end; r++) {
        int movie = (int) byUser[r];
        int line = movie <= maxId ? lineOf[movie] : -1;
        if (line >= 0) {
          countCoRated(neighbours[line], rated, support[line]);
        }
      }
      mark(byUser, start, end, rated, false);
    }
    return support;
  }

  private static int[] linesById(List<NeighbourFileFormat.Line> lines, int maxId) {
    int[] lineOf = new int[maxId + 1];
    Arrays.fill(lineOf, -1);
    for (int l = 0; l < lines.size(); l++) {
      lineOf[lines.get(l).id()] = l;
    }
    return lineOf;
  }

  /** The end (exclusive) of the run of {@code user}-sorted keys that starts at {@code start}. */
  private static int userEnd(long[] byUser, int start) {
    long user = byUser[start] >>> 32;
    int end = start + 1;
    while (end < byUser.length && byUser[end] >>> 32 == user) {
      end++;
    }
    return end;
  }

  private static void mark(long[] byUser, int start, int end, boolean[] rated, boolean value) {
    for (int r = start; r < end; r++) {
      int movie = (int) byUser[r];
      if (movie < rated.length) {
        rated[movie] = value;
      }
    }
  }

  private static void countCoRated(int[] neighbours, boolean[] rated, int[] support) {
    for (int k = 0; k < neighbours.length; k++) {
      if (rated[neighbours[k]]) {
        support[k]++;
      }
    }
  }
}
