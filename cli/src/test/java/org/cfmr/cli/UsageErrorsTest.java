package org.cfmr.cli;

import static org.cfmr.cli.FailureMessagesTest.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.runtime.HadoopRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command line that cannot run exits 2 with one line, whether picocli or a range check finds
 * it, before any work and without leaving a file.
 */
class UsageErrorsTest {
  @TempDir Path dir;

  @AfterEach
  void resetConfiguration() {
    HadoopRuntime.use(new Configuration());
  }

  @Test
  void notANumberIsNoShrinkNorMinimumSimilarity() {
    String train = dir.resolve("train.csv").toString();
    String out = dir.resolve("out").toString();
    assertEquals("cfmr: --shrink must be a number >= 0, not NaN",
        failure(2, "neighbours", "--train", train, "--output", out, "--shrink", "NaN"));
    assertEquals("cfmr: --min-sim must be a number from -1 to below 1 (similarities are in "
            + "[-1, 1]), not NaN",
        failure(2, "neighbours", "--train", train, "--output", out, "--min-sim", "NaN"));
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void aRangeCheckIsAUsageErrorLikeAParseError() {
    String train = dir.resolve("train.csv").toString();
    assertEquals("cfmr: --k must be >= 1, not 0", failure(2, "neighbours", "--train", train,
        "--output", dir.resolve("out").toString(), "--k", "0"));
    assertEquals("cfmr: --k needs at least one value", failure(2, "sweep", "--k", ","));
    assertEquals("cfmr: --damping takes one value here (cfmr sweep takes a list), not 2",
        failure(2, "evaluate", "--train", train, "--test", train, "--neighbours", train,
            "--mode", "user", "--damping", "0,1"));
  }

  @Test
  void thePipelineRefusesATrainFractionOfZeroOrOneBeforeAnyWork() {
    for (String fraction : new String[] {"0", "1"}) {
      Path out = dir.resolve("out-" + fraction);
      String error = failure(2, "pipeline", "--output", out.toString(), "--train-fraction",
          fraction);
      assertTrue(error.startsWith("cfmr: --train-fraction must be between 0 and 1, both "
          + "excluded"), error);
      assertFalse(Files.exists(out), out + " was made");
    }
  }

  @Test
  void theBlendRefusesAValidationShareOfZeroOrOneAndNeedsAls() {
    for (String fraction : new String[] {"0", "1"}) {
      Path out = dir.resolve("blend-" + fraction);
      assertEquals("cfmr: --blend-validation must be between 0 and 1, both excluded (the share "
              + "of the train ratings the blend's weights are fitted on), not "
              + Double.parseDouble(fraction),
          failure(2, "pipeline", "--output", out.toString(), "--models", "knn,als,blend",
              "--blend-validation", fraction));
      assertFalse(Files.exists(out), out + " was made");
    }
    assertEquals("cfmr: --models blend blends kNN with ALS: add als (--models knn,als,blend)",
        failure(2, "pipeline", "--output", dir.resolve("out").toString(), "--models",
            "knn,blend"));
    assertEquals("cfmr: --blend-validation is the blend's: add --models knn,als,blend",
        failure(2, "pipeline", "--output", dir.resolve("out").toString(), "--blend-validation",
            "0.2"));
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void evaluateRefusesAnExistingJsonFileBeforeReadingAnything() throws IOException {
    Path json = Files.writeString(dir.resolve("metrics.json"), "{}");
    assertEquals("cfmr: " + json + " exists; pass --overwrite to replace it",
        failure(1, "evaluate", "--train", dir.resolve("missing-train.csv").toString(), "--test",
            dir.resolve("missing-test.csv").toString(), "--json", json.toString()));
    assertEquals("{}", Files.readString(json));
  }

  @Test
  void noArgumentsPrintUsageAndExit2() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(2, Main.run());
    } finally {
      System.setErr(original);
    }
    assertTrue(captured.toString(StandardCharsets.UTF_8).startsWith("Usage: cfmr "));
  }

  @Test
  void aSubcommandsVersionIsCfmrs() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Main.run("split", "--version"));
    } finally {
      System.setOut(original);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    assertTrue(printed.matches("(?s)cfmr \\S+ \\(Hadoop 3\\.\\d+\\.\\d+, Java .*"), printed);
  }
}
