package org.cfmr.mapreduce.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.similarity.Similarity;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.ratings.RatingMatrix;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.testing.GoldenNeighbours;
import org.cfmr.core.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.cfmr.core.io.RatingsReader;

/** The memory engine against the golden files of an independent implementation (ml-100k u1). */
class MemoryEngineGoldenTest {

  @ParameterizedTest
  @CsvSource({"user,cosine,0", "item,cosine,0", "user,pearson,100", "item,pearson,100",
      "user,adjusted-cosine,100", "item,adjusted-cosine,100"})
  void matchesTheGoldenNeighbourFiles(String mode, String measure, int shrink) throws IOException {
    Path train = SharedData.golden("ml-100k-u1/ratings_train.csv");
    Path golden = SharedData.golden("ml-100k-u1/" + mode + "_topk_neighbors." + measure + ".shrink"
        + shrink + ".txt");
    NeighbourSettings settings = NeighbourSettings.defaults()
        .withMeasure(Similarity.parse(measure)).withShrink(shrink);
    RatingMatrix matrix = RatingsReader.readTrain(new org.apache.hadoop.fs.Path(train.toUri()),
        new Configuration()).matrix(mode.equals("user"));
    List<String> lines = new MemoryEngine(matrix, settings, null).lines(2, "test");
    GoldenNeighbours.assertMatches(Files.readAllLines(golden), lines);
  }
}
