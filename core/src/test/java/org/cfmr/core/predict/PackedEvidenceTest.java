package org.cfmr.core.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Sums of packed contributions against the two sums kept apart. */
class PackedEvidenceTest {
  @Test
  void unpacksSupportAndSignedSumsExactly() {
    double[] similarities = {0.25, -0.75, 0.000001, -1.0, 0.0, 1.0, -0.333333};
    long packed = 0;
    long millionths = 0;
    for (int k = 0; k < similarities.length; k++) {
      packed += PackedEvidence.of(similarities[k]);
      millionths += Math.round(similarities[k] * 1e6);
      assertEquals(k + 1, PackedEvidence.support(packed));
      assertEquals(millionths, PackedEvidence.similarityMillionths(packed));
    }
  }

  @Test
  void theLongestListAtTheExtremesStillFits() {
    long allOnes = PackedEvidence.MAX_LIST * PackedEvidence.of(1.0);
    long allMinusOnes = PackedEvidence.MAX_LIST * PackedEvidence.of(-1.0);
    assertEquals(PackedEvidence.MAX_LIST, PackedEvidence.support(allOnes));
    assertEquals(PackedEvidence.MAX_LIST * 1_000_000L, PackedEvidence.similarityMillionths(allOnes));
    assertEquals(PackedEvidence.MAX_LIST, PackedEvidence.support(allMinusOnes));
    assertEquals(-PackedEvidence.MAX_LIST * 1_000_000L,
        PackedEvidence.similarityMillionths(allMinusOnes));
  }
}
