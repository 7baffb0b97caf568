package org.cfmr.mapreduce.chain;

import org.cfmr.core.Mode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.similarity.NeighbourSettings;
import org.junit.jupiter.api.Test;

class ChainSettingsTest {
  @Test
  void byDefaultJobTwosChunkIsAQuarterOfTheHeap() {
    ChainSettings settings = ChainSettings.of(NeighbourSettings.defaults(), Mode.ITEM, "train.csv");
    long expected = Math.max(ChainSettings.MIN_CHUNK_RATINGS,
        Runtime.getRuntime().maxMemory() / 4 / ChainSettings.BYTES_PER_CHUNK_RATING);
    assertEquals(expected, settings.chunkRatingsInThisJvm());
  }

  @Test
  void aChunkGivenAsAGenericOptionIsKept() {
    Configuration conf = new Configuration(false);
    conf.setInt("cfmr.chain.chunk-ratings", 50_000);
    ChainSettings settings = ChainSettings.of(NeighbourSettings.defaults(), Mode.USER, "train.csv")
        .withBuffersFrom(conf);
    Configuration job = new Configuration(false);
    settings.writeTo(job);
    assertEquals(50_000, ChainSettings.readFrom(job).chunkRatingsInThisJvm());
  }

  @Test
  void byDefaultJobThreesCandidateBufferIsAQuarterOfTheHeap() {
    ChainSettings settings = ChainSettings.of(NeighbourSettings.defaults(), Mode.USER, "train.csv");
    long expected = Math.max(ChainSettings.MIN_CANDIDATE_BUFFER,
        Runtime.getRuntime().maxMemory() / 4 / ChainSettings.BYTES_PER_CANDIDATE);
    assertEquals(expected, settings.candidateBufferInThisJvm());
  }

  @Test
  void aCandidateBufferGivenAsAGenericOptionIsKept() {
    Configuration conf = new Configuration(false);
    conf.setInt("cfmr.chain.candidate-buffer", 5_000);
    ChainSettings settings = ChainSettings.of(NeighbourSettings.defaults(), Mode.USER, "train.csv")
        .withBuffersFrom(conf);
    Configuration job = new Configuration(false);
    settings.writeTo(job);
    assertEquals(5_000, ChainSettings.readFrom(job).candidateBufferInThisJvm());
  }
}
