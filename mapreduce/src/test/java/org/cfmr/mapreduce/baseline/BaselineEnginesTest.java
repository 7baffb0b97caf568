package org.cfmr.mapreduce.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.baseline.BaselineFile;
import org.cfmr.core.baseline.BaselineFit;
import org.cfmr.core.baseline.BaselineSettings;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.preprocess.synth.SyntheticRatings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cfmr.core.io.RatingsReader;

/**
 * The baseline's MapReduce jobs (Hadoop local mode, two reducers) and the in-memory fit (two
 * threads) write the same {@code baseline.txt} bytes, on ratings with ml-32m's shape
 * ({@code cfmr synth} at 1/800: heavy users, blockbusters, items with one rating).
 */
class BaselineEnginesTest {
  @TempDir Path temp;

  @Test
  void mapReduceAndMemoryFitsWriteTheSameFile() throws IOException {
    ByteArrayOutputStream generated = new ByteArrayOutputStream();
    new SyntheticRatings(1.0 / 800, 5).write(generated, 2);
    List<String> lines =
        new String(generated.toByteArray(), StandardCharsets.US_ASCII).lines().toList();
    Path train = Files.write(temp.resolve("train.csv"), lines.subList(1, lines.size()));
    Configuration conf = HadoopRuntime.configuration();
    org.apache.hadoop.fs.Path trainFile = new org.apache.hadoop.fs.Path(train.toUri());
    BaselineSettings settings = new BaselineSettings(15, 10, 3);

    Baseline memory = BaselineFit.fit(TrainData.of(RatingsReader.readTrain(trainFile, conf)),
        settings, 2);
    Baseline chain = new BaselineJobs(conf,
        new org.apache.hadoop.fs.Path(temp.resolve("work").toUri()), 2).fit(trainFile, settings);

    byte[] fromMemory = bytes(memory);
    assertTrue(fromMemory.length > 5_000, "a user and an item bias a line");
    assertArrayEquals(fromMemory, bytes(chain), "baseline.txt differs between the engines");
  }

  private static byte[] bytes(Baseline baseline) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BaselineFile.write(baseline, out);
    return out.toByteArray();
  }
}
