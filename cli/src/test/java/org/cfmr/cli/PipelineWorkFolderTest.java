package org.cfmr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.runtime.ResultManifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cfmr pipeline --engine mapreduce --work DIR}: the chain's intermediates go to DIR, not to
 * the default work folder under {@code hadoop.tmp.dir}, nor into the output folder, which holds
 * only the pipeline's results.
 */
class PipelineWorkFolderTest {
  @TempDir Path temp;

  @AfterEach
  void resetConfiguration() {
    HadoopRuntime.use(new Configuration());
  }

  @Test
  void theChainWorksInTheGivenFolderAndTheOutputHoldsOnlyResults() throws IOException {
    Path input = temp.resolve("ratings.csv");
    List<String> ratings = new ArrayList<>();
    for (int user = 1; user <= 12; user++) {
      for (int movie = 1; movie <= 8; movie++) {
        ratings.add(user + "," + movie + "," + (1 + (user * movie) % 5) + ".0," + movie);
      }
    }
    Files.write(input, ratings);
    Path work = Files.createDirectories(temp.resolve("work"));
    Files.writeString(work.resolve("keep.txt"), "not cfmr's\n");
    Path hadoopTmp = temp.resolve("hadoop-tmp");
    Path output = temp.resolve("out");

    assertEquals(0, Main.run("pipeline", "-D", "hadoop.tmp.dir=" + hadoopTmp,
        "--input", input.toString(), "--output", output.toString(), "--engine", "mapreduce",
        "--min-common", "1", "--work", work.toString()));

    assertFalse(Files.exists(hadoopTmp.resolve("cfmr-work")), "the default work folder is unused");
    assertEquals(List.of("keep.txt"), names(work), "the chain's folders went, the rest stays");
    List<String> results = new ArrayList<>(List.of(PipelineFiles.TRAIN, PipelineFiles.TEST,
        PipelineFiles.USER_NEIGHBOURS, PipelineFiles.ITEM_NEIGHBOURS,
        PipelineFiles.USER_RANKING_NEIGHBOURS, PipelineFiles.ITEM_RANKING_NEIGHBOURS,
        PipelineFiles.USER_BASED_RECOMMENDATIONS, PipelineFiles.ITEM_BASED_RECOMMENDATIONS,
        PipelineFiles.METRICS, PipelineFiles.REPORT, PipelineFiles.RUN, ResultManifest.NAME));
    results.sort(null);
    assertEquals(results, names(output).stream().filter(n -> !n.endsWith(".crc")).toList());
    assertTrue(Files.size(output.resolve(PipelineFiles.USER_NEIGHBOURS)) > 0);
  }

  private static List<String> names(Path folder) throws IOException {
    try (var entries = Files.list(folder)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
