package org.cfmr.mapreduce.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableComparator;
import org.cfmr.core.EntityTotals;
import org.cfmr.core.Neighbour;
import org.cfmr.core.similarity.PairSums;
import org.junit.jupiter.api.Test;

/** The chain's Writables read back what they wrote, compactly; the tagged key sorts raw as it sorts. */
class WritablesTest {

  @Test
  void everyWritableRoundTrips() throws Exception {
    Stripe stripe = new Stripe();
    stripe.add(7, new PairSums(3, -4, 5, 60, 70, -80));
    stripe.add(2, new PairSums(1, 0, 0, 1L << 40, 2, 3));
    List<Writable> values = List.of(new TaggedId(TaggedId.Tag.ENTITY, 123456),
        new PartialTotalsWritable(5, 300, 1200),
        new PivotVector(new EntityTotals(9, 40), new int[] {3, 70000, 70001}, new int[] {1, 10, 5}, 3),
        stripe,
        new CandidateNeighbours(List.of(new Neighbour(4, 0.1 + 0.2), new Neighbour(1, -0.5))));
    for (Writable value : values) {
      Writable copy = value.getClass().getDeclaredConstructor().newInstance();
      DataOutputBuffer out = new DataOutputBuffer();
      value.write(out);
      DataInputBuffer in = new DataInputBuffer();
      in.reset(out.getData(), out.getLength());
      copy.readFields(in);
      assertEquals(value, copy, value.getClass().getSimpleName());
      assertEquals(out.getLength(), in.getPosition(), "all bytes read");
    }
  }

  @Test
  void aPivotVectorCostsAboutTwoBytesARating() throws IOException {
    int[] entities = new int[1000];
    int[] halfStars = new int[1000];
    for (int i = 0; i < 1000; i++) {
      entities[i] = 100_000 + i * 50;
      halfStars[i] = 1 + i % 10;
    }
    DataOutputBuffer out = new DataOutputBuffer();
    new PivotVector(new EntityTotals(1000, 5500), entities, halfStars, 1000).write(out);
    assertTrue(out.getLength() < 2100, "bytes: " + out.getLength());
  }

  @Test
  void taggedIdsCompareRawAsTheyCompare() throws IOException {
    TaggedId[] keys = {new TaggedId(TaggedId.Tag.PIVOT, 5), new TaggedId(TaggedId.Tag.PIVOT, 300),
        new TaggedId(TaggedId.Tag.ENTITY, 1), new TaggedId(TaggedId.Tag.ENTITY, 70000)};
    WritableComparator raw = WritableComparator.get(TaggedId.class);
    for (TaggedId x : keys) {
      for (TaggedId y : keys) {
        DataOutputBuffer bx = new DataOutputBuffer();
        DataOutputBuffer by = new DataOutputBuffer();
        x.write(bx);
        y.write(by);
        assertEquals(Integer.signum(x.compareTo(y)), Integer.signum(
            raw.compare(bx.getData(), 0, bx.getLength(), by.getData(), 0, by.getLength())));
      }
    }
  }
}
