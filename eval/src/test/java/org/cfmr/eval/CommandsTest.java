package org.cfmr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cfmr.core.runtime.PipelineFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands' options end to end on ml-latest-small: JSON keys, files written, errors. */
class CommandsTest {
  @TempDir Path dir;

  @Test
  void evaluateWritesOneJsonObjectPerMode() throws Exception {
    Path folder = TestFolders.latestSmall();
    Path json = dir.resolve("metrics.json");
    assertEquals(0, new CommandLine(new EvaluateCommand()).execute("--folder", folder.toString(),
        "--json", json.toString(), "--threads", "2"));
    JsonNode both = new ObjectMapper().readTree(json.toFile());
    for (String mode : List.of("user", "item")) {
      for (String key : List.of("rmse", "mae", "coverage", "covered", "total", "rmse_all",
          "mae_all", "precision_at_n", "recall_at_n", "ndcg_at_n")) {
        assertTrue(both.get(mode).get(key).isNumber(), mode + " " + key);
      }
      assertEquals(mode, both.get(mode).get("mode").asText());
      assertEquals("similarity-sum", both.get(mode).get("ranking").asText());
      assertEquals(both.get(mode).get("ndcg_at_n").asDouble()
          / both.get("popularity").get("ndcg_at_n").asDouble(),
          both.get(mode).get("ndcg_lift_over_popularity").asDouble(), 1e-12, mode);
    }
    assertEquals("popularity", both.get("popularity").get("ranking").asText());
    assertEquals(both.get("user").get("ranked_users"), both.get("popularity").get("ranked_users"));
    Path one = dir.resolve("item.json");
    assertEquals(0, new CommandLine(new EvaluateCommand()).execute("--folder", folder.toString(),
        "--mode", "item", "--item-formula", "weighted", "--ranking", "prediction", "--json",
        one.toString()));
    JsonNode item = new ObjectMapper().readTree(one.toFile());
    assertEquals("weighted", item.get("item_formula").asText());
    assertEquals("prediction", item.get("ranking").asText());
    assertEquals(both.get("popularity"), item.get("popularity"));
    assertTrue(item.get("rmse").asDouble() > 0.5 && item.get("rmse").asDouble() < 1.5);
  }

  @Test
  void evaluateRefusesNeighboursWithoutMode() {
    Path folder = TestFolders.latestSmall();
    CommandLine cli = new CommandLine(new EvaluateCommand());
    cli.setExecutionExceptionHandler((error, line, parsed) -> {
      assertEquals("--neighbours needs --mode user or --mode item", error.getMessage());
      return 7;
    });
    assertEquals(7, cli.execute("--folder", folder.toString(), "--neighbours",
        folder.resolve(PipelineFiles.USER_NEIGHBOURS).toString()));
  }

  @Test
  void recommendWritesTheFolderFile() throws Exception {
    Path folder = dir.resolve("run");
    Files.createDirectories(folder);
    for (String name : List.of(PipelineFiles.TRAIN, PipelineFiles.ITEM_NEIGHBOURS)) {
      Files.copy(TestFolders.latestSmall().resolve(name), folder.resolve(name));
    }
    assertEquals(0, new CommandLine(new RecommendCommand()).execute("--folder", folder.toString(),
        "--mode", "item", "--top-n", "3", "--users", "5,1"));
    List<String> lines = Files.readAllLines(folder.resolve(PipelineFiles.ITEM_BASED_RECOMMENDATIONS));
    assertEquals(6, lines.size());
    assertTrue(lines.get(0).startsWith("1,") && lines.get(5).startsWith("5,"), lines.toString());
  }
}
