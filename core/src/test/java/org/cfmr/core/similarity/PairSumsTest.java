package org.cfmr.core.similarity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cfmr.core.CfmrException;
import org.junit.jupiter.api.Test;

/** The six sums' one layout in a {@code long[]} of many pairs. */
class PairSumsTest {

  @Test
  void writeToStoresTheSumsInTheOrderReadFromReads() {
    long[] fields = new long[2 + PairSums.FIELDS];
    new PairSums(1, 2, 3, 4, 5, 6).writeTo(fields, 2);
    assertArrayEquals(new long[] {0, 0, 1, 2, 3, 4, 5, 6}, fields);
    assertEquals(new PairSums(1, 2, 3, 4, 5, 6), new PairSums().readFrom(fields, 2));
  }

  @Test
  void addToAddsFieldByFieldAndRefusesAnOverflowingSum() {
    long[] fields = {10, 20, 30, 40, 50, 60};
    new PairSums(1, 2, 3, 4, 5, 6).addTo(fields, 0);
    assertArrayEquals(new long[] {11, 22, 33, 44, 55, 66}, fields);
    fields[5] = Long.MAX_VALUE;
    assertThrows(CfmrException.class, () -> new PairSums(0, 0, 0, 0, 0, 1).addTo(fields, 0));
    fields[5] = 0;
    fields[3] = Long.MAX_VALUE;
    CfmrException error = assertThrows(CfmrException.class,
        () -> new PairSums(0, 0, 0, 1, 0, 0).addTo(fields, 0));
    assertTrue(error.getMessage().startsWith("a pair's sums leave a long"), error.getMessage());
    PairSums sums = new PairSums(0, 0, 0, 0, Long.MIN_VALUE, 0);
    assertThrows(CfmrException.class, () -> sums.add(0, 0, 0, -1, 0));
  }

  @Test
  void eachMeasureKeepsOnlyTheSumsItReads() {
    PairSums sums = new PairSums(7, 1, 2, 3, 4, 5);
    Similarity.COSINE.keepReadSums(sums);
    assertEquals(new PairSums(7, 0, 0, 3, 4, 5), sums);
    sums = new PairSums(7, 1, 2, 3, 4, 5);
    Similarity.PEARSON.keepReadSums(sums);
    assertEquals(new PairSums(7, 1, 2, 3, 4, 5), sums);
    sums = new PairSums(7, 1, 2, 3, 4, 5);
    Similarity.COOCCURRENCE.keepReadSums(sums);
    assertEquals(new PairSums(7, 0, 0, 0, 0, 0), sums);
  }
}
