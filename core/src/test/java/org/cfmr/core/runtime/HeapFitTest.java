package org.cfmr.core.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cfmr.core.CfmrException;
import org.junit.jupiter.api.Test;

class HeapFitTest {
  @Test
  void theNeedIsTheFactorTimesTheInputPlusTheHeadroom() {
    assertEquals(3 * 1_000_000_000L + (256L << 20), HeapFit.need(1_000_000_000L, 3));
    assertEquals(HeapFit.HEADROOM_BYTES, HeapFit.need(0, 3));
  }

  @Test
  void aNeedAboveTheHeapIsOneLineNamingTheInputBothSizesAndTheRemedy() {
    long need = HeapFit.need(827_000_000L, 4);
    CfmrException error = assertThrows(CfmrException.class,
        () -> HeapFit.require("ratings.csv (827 MB) for the evaluation", need, 2L << 30));
    assertEquals("ratings.csv (827 MB) for the evaluation needs about 3.6 GB of heap, more than "
        + "this JVM's 2.1 GB: set CFMR_HEAP=4g or more (bin/cfmr sizes the heap from it), or use "
        + "a machine with more memory", error.getMessage());
  }

  @Test
  void aNeedWithinTheHeapPasses() {
    assertDoesNotThrow(() -> HeapFit.require("x", 2L << 30, 2L << 30));
  }
}
