package org.cfmr.mapreduce;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.similarity.Similarity;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.runtime.HadoopRuntime;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chain and the memory engine write the same bytes on ml-1m-users-1-2999 (487,650 ratings,
 * users with up to 1,850 ratings, movies with up to 1,775), both modes, every measure. For
 * cosine job 2's chunk is cut to 100,000 ratings (each of its two splits has about 244,000), so
 * that its mappers sum and emit several chunks, as they do at ml-32m's scale.
 */
class Ml1mEnginesTest {
  @TempDir static Path temp;

  @ParameterizedTest
  @EnumSource(Similarity.class)
  void bothEnginesWriteTheSameFiles(Similarity measure) throws IOException {
    Path train = TestData.train("ml-1m-users-1-2999", temp);
    NeighbourSettings settings = NeighbourSettings.defaults().withMeasure(measure);
    Configuration conf = HadoopRuntime.configuration();
    if (measure == Similarity.COSINE) {
      conf.setInt("cfmr.chain.chunk-ratings", 100_000);
    }
    BothEngines.assertSameFiles(train, settings, conf, temp, 100_000);
  }
}
