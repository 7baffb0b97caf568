package org.cfmr.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bounded selection against a full sort, and the tie rule by hand. */
class TopNeighboursTest {
  @Test
  void tiesGoToTheLowerItemAndTheListIsBestFirst() {
    TopNeighbours ranking = new TopNeighbours(3);
    ranking.offer(7, 0.5);
    ranking.offer(2, 0.5);
    ranking.offer(9, 0.9);
    ranking.offer(4, 0.5);
    ranking.offer(1, 0.1);
    assertArrayEquals(new int[] {9, 2, 4}, ids(ranking));
  }

  @Test
  void keepsEverythingWhenFewerThanN() {
    TopNeighbours ranking = new TopNeighbours(5);
    ranking.offer(3, -1.0);
    ranking.offer(8, 2.0);
    assertArrayEquals(new int[] {8, 3}, ids(ranking));
    assertArrayEquals(new int[0], ids(new TopNeighbours(0)));
  }

  @Test
  void agreesWithAFullSortOnRandomScoresWithManyTies() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(30);
      int size = random.nextInt(400);
      List<double[]> offered = new ArrayList<>();
      TopNeighbours ranking = new TopNeighbours(n);
      for (int item = 0; item < size; item++) {
        double score = random.nextInt(12) / 4.0 - 1;
        offered.add(new double[] {item, score});
        ranking.offer(item, score);
      }
      int[] expected = offered.stream()
          .sorted(Comparator.<double[]>comparingDouble(o -> -o[1]).thenComparingDouble(o -> o[0]))
          .limit(n).mapToInt(o -> (int) o[0]).toArray();
      assertArrayEquals(expected, ids(ranking), "round " + round);
    }
  }

  private static int[] ids(TopNeighbours selection) {
    return selection.best().stream().mapToInt(Neighbour::id).toArray();
  }
}
