package org.cfmr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
    }
    Path one = dir.resolve("item.json");
    assertEquals(0, new CommandLine(new EvaluateCommand()).execute("--folder", folder.toString(),
        "--mode", "item", "--item-formula", "weighted", "--json", one.toString()));
    JsonNode item = new ObjectMapper().readTree(one.toFile());
    assertEquals("weighted", item.get("item_formula").asText());
    assertTrue(item.get("rmse").asDouble() > 0.5 && item.get("rmse").asDouble() < 1.5);
  }

  @Test
  void evaluateRefusesATestSplitMostlyUnknownToTrainUnlessAllowed() throws Exception {
    Path train = Files.writeString(dir.resolve("train.csv"), "1,10,4,1\n2,10,3,1\n2,20,5,1\n");
    Path test = Files.writeString(dir.resolve("test.csv"), "1,20,4,1\n7,10,2,1\n8,30,3,1\n");
    Path user = Files.writeString(dir.resolve("user.txt"), "1\t2:0.500000\n2\t1:0.500000\n");
    String[] evaluate = {"--train", train.toString(), "--test", test.toString(), "--neighbours",
        user.toString(), "--mode", "user"};
    CommandLine refusing = new CommandLine(new EvaluateCommand());
    refusing.setExecutionExceptionHandler((error, line, parsed) -> {
      assertEquals("2 of the 3 ratings in " + test + " (66.7%) have a user or movie that " + train
          + " does not have: are these a train and test split of one run? (--allow-unknown "
          + "evaluates them anyway)", error.getMessage());
      return 7;
    });
    assertEquals(7, refusing.execute(evaluate));
    String warned = stderrOf(() -> assertEquals(0,
        new CommandLine(new EvaluateCommand()).execute(concat(evaluate, "--allow-unknown"))));
    assertTrue(warned.contains("cfmr: warning: 2 of the 3 ratings in " + test + " (66.7%)"),
        warned);
  }

  private static String stderrOf(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
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
