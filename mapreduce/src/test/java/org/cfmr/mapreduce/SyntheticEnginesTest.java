package org.cfmr.mapreduce;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.similarity.Similarity;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.preprocess.synth.SyntheticRatings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chain and the memory engine write the same bytes on ratings with ml-32m's shape (heavy
 * users and blockbuster movies, {@code cfmr synth} at 1/800: 40k ratings), for every measure and
 * both modes; the chain with two reducers and job 2 in chunks of 20,000 ratings (of 40,000), so
 * that its partitioning and its chunks are part of what is compared.
 */
class SyntheticEnginesTest {
  @TempDir static Path temp;
  static Path train;

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
    NeighbourSettings settings = NeighbourSettings.defaults().withMeasure(measure);
    Configuration conf = HadoopRuntime.configuration();
    conf.setInt("cfmr.chain.chunk-ratings", 20_000);
    BothEngines.assertSameFiles(train, settings, conf, temp, 10_000);
  }
}
