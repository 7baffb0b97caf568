package org.cfmr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.runtime.ResultFolder;
import org.cfmr.core.testing.Manifests;
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
      assertEquals("knn-baseline", both.get(mode).get("predictor").asText());
      assertEquals(5.0, both.get(mode).get("baseline_reg_user").asDouble(), mode);
      assertEquals(10, both.get(mode).get("baseline_epochs").asInt(), mode);
      assertEquals(both.get(mode).get("ndcg_at_n").asDouble()
          / both.get("popularity").get("ndcg_at_n").asDouble(),
          both.get(mode).get("ndcg_lift_over_popularity").asDouble(), 1e-12, mode);
    }
    assertEquals("popularity", both.get("popularity").get("ranking").asText());
    assertEquals(both.get("user").get("ranked_users"), both.get("popularity").get("ranked_users"));
    Path one = dir.resolve("item.json");
    assertEquals(0, new CommandLine(new EvaluateCommand()).execute("--folder", folder.toString(),
        "--mode", "item", "--item-formula", "weighted", "--predictor", "mean-centred",
        "--damping", "0", "--ranking", "prediction", "--json", one.toString()));
    JsonNode item = new ObjectMapper().readTree(one.toFile());
    assertEquals("weighted", item.get("item_formula").asText());
    assertEquals("mean-centred", item.get("predictor").asText());
    assertTrue(item.get("baseline_reg_user") != null, "the baseline is still the fallback's");
    assertEquals("prediction", item.get("ranking").asText());
    assertEquals(both.get("popularity"), item.get("popularity"));
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
    Manifests.write(folder);
    assertEquals(0, new CommandLine(new RecommendCommand()).execute("--folder", folder.toString(),
        "--mode", "item", "--top-n", "3", "--users", "5,1"));
    List<String> lines = Files.readAllLines(folder.resolve(PipelineFiles.ITEM_BASED_RECOMMENDATIONS));
    assertEquals(6, lines.size());
    assertTrue(lines.get(0).startsWith("1,") && lines.get(5).startsWith("5,"), lines.toString());
    ResultFolder.open(hadoop(folder), new Configuration())
        .file(PipelineFiles.ITEM_BASED_RECOMMENDATIONS);
  }

  /** Runs {@code command} as bin/cfmr would: the exit code, the error line in {@code error}. */
  private static int run(Object command, StringBuilder error, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      error.append(e.getMessage());
      return e instanceof CfmrException ? 1 : 99;
    });
    return cli.execute(args);
  }

  /** A copy of the test folder (a split, its neighbour files and its manifest; no .crc files). */
  private Path copyOfResult(String name) throws Exception {
    Path folder = dir.resolve(name);
    Files.createDirectories(folder);
    try (Stream<Path> files = Files.list(TestFolders.latestSmall())) {
      for (Path file : files.filter(f -> !f.toString().endsWith(".crc")).toList()) {
        Files.copy(file, folder.resolve(file.getFileName()));
      }
    }
    return folder;
  }

  private static Map<String, Long> sizes(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      Map<String, Long> sizes = new TreeMap<>();
      for (Path file : files.toList()) {
        sizes.put(file.getFileName().toString(), Files.size(file));
      }
      return sizes;
    }
  }

  @Test
  void anOptionThatNamesAFileNeverDeletesAFolderEvenWithOverwrite() throws Exception {
    Path folder = copyOfResult("result");
    Map<String, Long> before = sizes(folder);
    String target = folder.toString();
    List<List<String>> commands = List.of(
        List.of("evaluate", "--folder", target, "--mode", "user", "--json", target),
        List.of("recommend", "--folder", target, "--top-n", "1", "--users", "1", "--output",
            target),
        List.of("sweep", "--folder", target, "--similarity", "cosine", "--shrink", "0",
            "--min-common", "5", "--k", "5", "--mode", "user", "--csv", target));
    for (List<String> command : commands) {
      Object instance = switch (command.get(0)) {
        case "evaluate" -> new EvaluateCommand();
        case "recommend" -> new RecommendCommand();
        default -> new SweepCommand();
      };
      List<String> args = new java.util.ArrayList<>(command.subList(1, command.size()));
      args.add("--overwrite");
      StringBuilder error = new StringBuilder();
      assertEquals(1, run(instance, error, args.toArray(String[]::new)), command.toString());
      assertTrue(error.toString().endsWith(
          "is a folder; an output file never replaces a folder"), error.toString());
      assertFalse(error.toString().contains("\n"), error.toString());
      assertEquals(before, sizes(folder), command + " leaves the folder as it was");
    }
    ResultFolder.open(hadoop(folder), new Configuration());
  }

  @Test
  void readersRefuseAFolderWhoseFilesDoNotMatchItsManifestButReadLooseFiles() throws Exception {
    Path folder = copyOfResult("tampered");
    Path tampered = folder.resolve(PipelineFiles.TEST);
    String text = Files.readString(tampered);
    int lastDigit = text.indexOf('\n') - 1;
    char changed = text.charAt(lastDigit) == '9' ? '8' : '9';
    Files.writeString(tampered, text.substring(0, lastDigit) + changed
        + text.substring(lastDigit + 1)); // a timestamp edited: same size, another checksum
    for (Object command : List.of(new EvaluateCommand(), new RecommendCommand(),
        new SweepCommand())) {
      StringBuilder error = new StringBuilder();
      String[] args = command instanceof SweepCommand
          ? new String[] {"--folder", folder.toString(), "--k", "5", "--shrink", "0",
              "--min-common", "5", "--similarity", "cosine", "--mode", "user"}
          : new String[] {"--folder", folder.toString(), "--mode", "user"};
      assertEquals(1, run(command, error, args), command.getClass().getSimpleName());
      assertTrue(error.toString().startsWith(tampered + ": checksum "), error.toString());
      assertTrue(error.toString().endsWith(" (changed after it was written)"), error.toString());
    }
    assertEquals(0, new CommandLine(new EvaluateCommand()).execute("--mode", "user",
        "--train", folder.resolve(PipelineFiles.TRAIN).toString(),
        "--test", folder.resolve(PipelineFiles.TEST).toString(),
        "--neighbours", folder.resolve(PipelineFiles.USER_NEIGHBOURS).toString()),
        "loose files given one by one are read");
  }

  private static org.apache.hadoop.fs.Path hadoop(Path path) {
    return new org.apache.hadoop.fs.Path(path.toUri());
  }
}
