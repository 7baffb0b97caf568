package org.cfmr.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Similarity;
import org.cfmr.core.SimilaritySettings;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.mapreduce.NeighbourFiles.Request;
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
  @TempDir static java.nio.file.Path temp;

  @ParameterizedTest
  @EnumSource(Similarity.class)
  void bothEnginesWriteTheSameFiles(Similarity measure) throws IOException {
    java.nio.file.Path train = TestData.train("ml-1m-users-1-2999", temp);
    SimilaritySettings settings = SimilaritySettings.defaults().withMeasure(measure);
    Configuration conf = HadoopRuntime.configuration();
    if (measure == Similarity.COSINE) {
      conf.setInt("cfmr.chain.chunk-ratings", 100_000);
    }
    java.nio.file.Path chain = temp.resolve("chain-" + measure.cliName());
    java.nio.file.Path memory = temp.resolve("memory-" + measure.cliName());
    NeighbourFiles.compute(Request.of(path(train), path(chain))
        .with(Modes.BOTH, settings, Engine.MAPREDUCE).withParallelism(2, 1), conf);
    NeighbourFiles.compute(Request.of(path(train), path(memory))
        .with(Modes.BOTH, settings, Engine.MEMORY).withParallelism(1, 2), conf);
    for (String name : List.of(PipelineFiles.USER_NEIGHBOURS, PipelineFiles.ITEM_NEIGHBOURS)) {
      assertTrue(Files.size(memory.resolve(name)) > 100_000, name + " has neighbours");
      assertEquals(-1, Files.mismatch(memory.resolve(name), chain.resolve(name)),
          measure + " " + name + " differs between the engines");
    }
  }

  private static Path path(java.nio.file.Path file) {
    return new Path(file.toUri());
  }
}
