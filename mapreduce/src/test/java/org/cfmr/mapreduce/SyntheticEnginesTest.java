package org.cfmr.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Similarity;
import org.cfmr.core.SimilaritySettings;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.mapreduce.NeighbourFiles.Request;
import org.cfmr.preprocess.synth.SyntheticRatings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chain and the memory engine write the same bytes on ratings with ml-32m's shape (heavy
 * users and blockbuster movies, {@code cfmr synth} at 1/800: 40k ratings), for every measure and
 * both modes; the chain with two reducers and small in-mapper buffers, so that its partitioning
 * and its flushes are part of what is compared.
 */
class SyntheticEnginesTest {
  @TempDir static java.nio.file.Path temp;
  static java.nio.file.Path train;

  @BeforeAll
  static void generate() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SyntheticRatings(1.0 / 800, 5).write(out, 2);
    List<String> lines = new String(out.toByteArray(), StandardCharsets.US_ASCII).lines().toList();
    train = Files.write(temp.resolve("train.csv"), lines.subList(1, lines.size()));  // no header
  }

  @ParameterizedTest
  @EnumSource(Similarity.class)
  void bothEnginesWriteTheSameFiles(Similarity measure) throws IOException {
    SimilaritySettings settings = SimilaritySettings.defaults().withMeasure(measure);
    Configuration conf = HadoopRuntime.configuration();
    conf.setInt("cfmr.chain.chunk-ratings", 20_000);
    java.nio.file.Path chain = temp.resolve("chain-" + measure.cliName());
    java.nio.file.Path memory = temp.resolve("memory-" + measure.cliName());
    NeighbourFiles.compute(Request.of(path(train), path(chain))
        .with(Modes.BOTH, settings, Engine.MAPREDUCE).withParallelism(2, 1), conf);
    NeighbourFiles.compute(Request.of(path(train), path(memory))
        .with(Modes.BOTH, settings, Engine.MEMORY).withParallelism(1, 2), conf);
    for (String name : List.of(PipelineFiles.USER_NEIGHBOURS, PipelineFiles.ITEM_NEIGHBOURS)) {
      assertTrue(Files.size(memory.resolve(name)) > 10_000, name + " has neighbours");
      assertEquals(-1, Files.mismatch(memory.resolve(name), chain.resolve(name)),
          measure + " " + name + " differs between the engines");
    }
  }

  private static Path path(java.nio.file.Path file) {
    return new Path(file.toUri());
  }
}
