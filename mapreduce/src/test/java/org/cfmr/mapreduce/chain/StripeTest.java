package org.cfmr.mapreduce.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.cfmr.core.similarity.PairSums;
import org.junit.jupiter.api.Test;

/**
 * A stripe holds what a sorted map of sums would, however it was built: adds in any order (its
 * index growing), adds after a round trip (index built late), sums of stripes, copies; and it
 * always lists its pairs ascending.
 */
class StripeTest {
  private final Random random = new Random(7);

  @Test
  void rowsAppendedInOrderAreKeptAsTheStripeGrows() throws IOException {
    TreeMap<Integer, PairSums> expected = new TreeMap<>();
    Stripe stripe = new Stripe();
    for (int b = 3; b < 3000; b += 1 + random.nextInt(7)) {
      PairSums pair = randomSums();
      stripe.appendAscending(b, pair);
      expected.put(b, pair.copy());
    }
    assertEquals(expected, contents(stripe));
    assertEquals(expected, contents(roundTrip(stripe)));
  }

  @Test
  void aStripeSumsLikeASortedMap() throws IOException {
    TreeMap<Integer, PairSums> expected = new TreeMap<>();
    Stripe stripe = new Stripe();
    for (int round = 0; round < 6; round++) {
      for (int i = 0; i < 3000; i++) {
        int b = random.nextInt(round % 2 == 0 ? 200 : 5000);
        PairSums partial = randomSums();
        assertEquals(!expected.containsKey(b), stripe.add(b, partial), "new b " + b);
        expected.computeIfAbsent(b, k -> new PairSums()).add(partial);
      }
      assertEquals(expected, contents(stripe), "after adds, round " + round);
      stripe = roundTrip(stripe);
      assertEquals(expected, contents(stripe), "after a round trip, round " + round);
    }
  }

  @Test
  void addAllSumsStripesIntoAnEmptyOrAFullOne() throws IOException {
    TreeMap<Integer, PairSums> expected = new TreeMap<>();
    Stripe sum = new Stripe();
    List<Stripe> parts = new ArrayList<>();
    for (int part = 0; part < 5; part++) {
      Stripe stripe = new Stripe();
      for (int i = 0; i < 400; i++) {
        int b = random.nextInt(1000);
        PairSums partial = randomSums();
        stripe.add(b, partial);
        expected.computeIfAbsent(b, k -> new PairSums()).add(partial);
      }
      parts.add(part % 2 == 0 ? roundTrip(stripe) : stripe);
    }
    for (Stripe part : parts) {
      sum.addAll(part);
    }
    assertEquals(expected, contents(sum));
    assertEquals(expected.size(), sum.size());
    Stripe first = parts.get(0);
    String before = first.toString();
    sum.add(first.isEmpty() ? 0 : 999, new PairSums(1, 1, 1, 1, 1, 1));
    assertEquals(before, first.toString(), "a copied stripe is not changed by the copy's adds");
  }

  @Test
  void theEncodingKeepsLargeAndNegativeSums() throws IOException {
    Stripe stripe = new Stripe();
    PairSums extreme = new PairSums(Long.MAX_VALUE, 0, 1, Long.MIN_VALUE, 2, -1);
    stripe.add(Integer.MAX_VALUE, extreme);
    stripe.add(0, new PairSums(1, 2, 3, 4, 5, 6));
    Map<Integer, PairSums> read = contents(roundTrip(stripe));
    assertEquals(List.of(0, Integer.MAX_VALUE), new ArrayList<>(read.keySet()));
    assertEquals(extreme, read.get(Integer.MAX_VALUE));
  }

  private PairSums randomSums() {
    return new PairSums(1 + random.nextInt(3), random.nextInt(30), random.nextInt(30),
        random.nextInt(300), random.nextInt(300), random.nextInt(600) - 300);
  }

  private static TreeMap<Integer, PairSums> contents(Stripe stripe) {
    TreeMap<Integer, PairSums> contents = new TreeMap<>();
    List<Integer> order = new ArrayList<>();
    stripe.forEachAscending((sums, b) -> {
      order.add(b);
      contents.put(b, new PairSums(sums.n, sums.sumA, sums.sumB, sums.sumAA, sums.sumBB,
          sums.sumAB));
    });
    assertEquals(new ArrayList<>(contents.keySet()), order, "listed ascending");
    return contents;
  }

  private static Stripe roundTrip(Stripe stripe) throws IOException {
    DataOutputBuffer out = new DataOutputBuffer();
    stripe.write(out);
    DataInputBuffer in = new DataInputBuffer();
    in.reset(out.getData(), out.getLength());
    Stripe copy = new Stripe();
    copy.readFields(in);
    assertEquals(out.getLength(), in.getPosition(), "all bytes read");
    return copy;
  }
}
