package org.cfmr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.Mode;
import org.cfmr.core.predict.Fallback;
import org.cfmr.core.predict.ItemFormula;
import org.cfmr.core.predict.NeighbourLists;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.cfmr.core.io.RatingsReader;
import org.cfmr.core.io.NeighbourListsFile;

/**
 * The evaluator on the golden ml-100k u1 split and neighbour files gives the independent
 * implementation's figures ({@code metrics.json}, all 9 entries) to 1e-9.
 */
class GoldenMetricsTest {
  private static final double TOLERANCE = 1e-9;

  @Test
  void everyGoldenEntryMatches() throws Exception {
    Path golden = SharedData.golden("ml-100k-u1");
    Configuration conf = new Configuration();
    TrainData train = TrainData.of(RatingsReader.readTrain(path(golden, "ratings_train.csv"), conf));
    TestRatings test = TestRatings.read(path(golden, "ratings_test.csv"), train, conf);
    JsonNode metrics = new ObjectMapper().readTree(golden.resolve("metrics.json").toFile());
    int checked = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String[] key = entry.getKey().split("/");
      Mode mode = Mode.parse(key[0]);
      EvaluationSettings settings = MeanCentred.settings(mode).withThreads(2)
          .withFallback(Fallback.USER_MEAN);
      String file;
      if (mode == Mode.ITEM) {
        settings = settings.withItemFormula(ItemFormula.parse(key[1]));
        file = "item_topk_neighbors." + key[2] + "." + key[3] + ".txt";
      } else {
        file = "user_topk_neighbors." + key[key.length - 2] + "." + key[key.length - 1] + ".txt";
      }
      NeighbourLists neighbours = NeighbourListsFile.read(path(golden, file), conf);
      EvaluationResult result = Evaluation.run(train, test, neighbours, settings);
      JsonNode want = entry.getValue();
      String what = entry.getKey() + " ";
      assertEquals(want.get("total").asLong(), result.total(), what + "total");
      assertEquals(want.get("covered").asLong(), result.covered(), what + "covered");
      assertEquals(want.get("coverage").asDouble(), result.coverage(), TOLERANCE, what + "coverage");
      assertEquals(want.get("rmse").asDouble(), result.rmse(), TOLERANCE, what + "rmse");
      assertEquals(want.get("mae").asDouble(), result.mae(), TOLERANCE, what + "mae");
      assertEquals(want.get("rmse_all").asDouble(), result.rmseAll(), TOLERANCE, what + "rmse_all");
      assertEquals(want.get("mae_all").asDouble(), result.maeAll(), TOLERANCE, what + "mae_all");
      checked++;
    }
    assertEquals(9, checked, "golden entries");
  }

  private static org.apache.hadoop.fs.Path path(Path folder, String name) {
    return new org.apache.hadoop.fs.Path(folder.resolve(name).toUri());
  }
}
