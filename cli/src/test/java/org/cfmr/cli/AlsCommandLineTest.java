package org.cfmr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.cfmr.core.runtime.HadoopRuntime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cfmr als} and {@code cfmr neighbours --from-factors} as command lines, bad input included. */
class AlsCommandLineTest {
  @TempDir Path temp;
  private Path train;
  private Path test;
  private String err;

  @BeforeEach
  void ratings() throws IOException {
    // As bin/cfmr runs (Main.run): no .crc files beside the results, which the test edits.
    FileSystem.getLocal(HadoopRuntime.configuration()).setWriteChecksum(false);
    List<String> trainLines = new ArrayList<>();
    List<String> testLines = new ArrayList<>();
    for (int user = 1; user <= 30; user++) {
      for (int item = 1; item <= 20; item++) {
        if ((user * 7 + item * 3) % 5 != 0) {
          String line = user + "," + item + "," + (1 + (user + item) % 9) / 2.0 + ",0";
          ((user + item) % 6 == 0 ? testLines : trainLines).add(line);
        }
      }
    }
    train = Files.write(temp.resolve("train.csv"), trainLines);
    test = Files.write(temp.resolve("test.csv"), testLines);
  }

  private int run(String... arguments) {
    StringWriter errors = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(errors));
    int code = cli.execute(arguments);
    err = errors.toString();
    return code;
  }

  @Test
  void neighboursFromFactorsAreAlsNeighbours() throws IOException {
    String fit = temp.resolve("fit").toString();
    assertEquals(0, run("als", "--train", train.toString(), "--output", fit, "--rank", "3",
        "--iterations", "3", "--neighbours", "--k", "5", "--evaluate", test.toString()), err);
    String neighbours = temp.resolve("neighbours").toString();
    assertEquals(0, run("neighbours", "--from-factors", fit + "/item_factors.txt", "--output",
        neighbours, "--k", "5"), err);
    assertArrayEquals(Files.readAllBytes(Path.of(fit, "item_topk_neighbors.txt")),
        Files.readAllBytes(Path.of(neighbours, "item_topk_neighbors.txt")));
    assertEquals(0, run("neighbours", "--from-factors", fit + "/user_factors.txt", "--output",
        neighbours, "--k", "5"), err);
    assertEquals(30, Files.readAllLines(Path.of(neighbours, "user_topk_neighbors.txt")).size(),
        "the user file's name gives user neighbours");
  }

  @Test
  void outOfRangeSettingsAreUsageErrors() {
    String[][] cases = {
        {"--rank", "0", "--rank must be 1..1000, not 0"},
        {"--reg", "-0.1", "--reg must be a positive number, not -0.1"},
        {"--iterations", "0", "--iterations must be >= 1, not 0"},
        {"--engine", "spark", "--engine must be memory or mapreduce, not 'spark'"}};
    for (String[] c : cases) {
      String output = temp.resolve("never").toString();
      assertEquals(2, run("als", "--train", train.toString(), "--output", output, c[0], c[1]),
          err);
      assertEquals("cfmr: " + c[2] + "\n", err, "one line");
      assertFalse(Files.exists(Path.of(output)), "nothing written for " + c[0]);
    }
  }

  @Test
  void factorFilesOfAnotherRankOrSideAreRefusedInOneLine() throws IOException {
    String fit = temp.resolve("fit").toString();
    assertEquals(0, run("als", "--train", train.toString(), "--output", fit, "--rank", "3",
        "--iterations", "1"), err);
    String output = temp.resolve("neighbours").toString();

    assertEquals(2, run("neighbours", "--from-factors", fit + "/user_factors.txt", "--mode",
        "item", "--output", output));
    assertEquals("cfmr: --from-factors user_factors.txt holds user factors; --mode item needs "
        + "item_factors.txt\n", err, "one line");

    Path report = Path.of(fit, "als.json");
    Files.writeString(report, Files.readString(report).replace("\"rank\" : 3", "\"rank\" : 4"));
    assertEquals(1, run("neighbours", "--from-factors", fit + "/item_factors.txt", "--output",
        output));
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.matches("cfmr: \\S*item_factors.txt: rank 3, but \\S*als.json says 4\\n"), err);

    Path mixed = Path.of(fit, "item_factors.txt");
    List<String> lines = new ArrayList<>(Files.readAllLines(mixed));
    lines.set(1, lines.get(1) + ",0.5");
    Files.write(mixed, lines);
    assertEquals(1, run("neighbours", "--from-factors", mixed.toString(), "--output", output));
    assertTrue(err.matches("cfmr: \\S*item_factors.txt:2: 4 factors, expected rank 3\\n"), err);
    assertFalse(Files.exists(Path.of(output)), "no neighbour file after a refusal");
  }
}
