package org.cfmr.mapreduce.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.SimilaritySettings;
import org.junit.jupiter.api.Test;

class ChainSettingsTest {
  @Test
  void byDefaultJobTwosPairBufferIsAQuarterOfTheHeap() {
    ChainSettings settings = ChainSettings.of(SimilaritySettings.defaults(), false, "train.csv");
    long expected = Math.max(ChainSettings.MIN_PAIR_BUFFER,
        Runtime.getRuntime().maxMemory() / 4 / ChainSettings.BYTES_PER_BUFFERED_PAIR);
    assertEquals(expected, settings.pairBufferInThisJvm());
  }

  @Test
  void aPairBufferGivenAsAGenericOptionIsKept() {
    Configuration conf = new Configuration(false);
    conf.setInt("cfmr.chain.pair-buffer", 50_000);
    ChainSettings settings = ChainSettings.of(SimilaritySettings.defaults(), true, "train.csv")
        .withBuffersFrom(conf);
    Configuration job = new Configuration(false);
    settings.writeTo(job);
    assertEquals(50_000, ChainSettings.readFrom(job).pairBufferInThisJvm());
  }
}
