package org.cfmr.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cfmr.core.CfmrException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SplitCommandTest {
  @TempDir Path dir;

  @Test
  void helpDescribesEveryOptionWithItsDefault() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new SplitCommand());
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("--help"));
    String help = out.toString();
    for (String expected : List.of("Usage: split", "--input=PATH", "bundled ml-latest-small",
        "--output=DIR", "Default: cfmr-out", "--train-fraction=F", "Default: 0.8", "--seed=N",
        "Default: 42", "--max-errors=N", "Default: 0", "--reducers=N", "Default: 1",
        "--overwrite", "--version")) {
      assertTrue(help.contains(expected), "help lacks " + expected + ":\n" + help);
    }
  }

  @Test
  void printsTheCountsOfBothSidesAndWhereTheFilesAre() throws IOException {
    Path input = dir.resolve("u.data");
    Files.writeString(input, "1\t1\t4\t1\n1\t2\t3\t1\n2\t1\t5\t1\n2\t2\t5\t1\n");
    String printed = stdoutOf(() -> assertEquals(0, new CommandLine(new SplitCommand()).execute(
        "--input", input.toString(), "--output", dir.resolve("out").toString(), "--seed", "3",
        "--train-fraction", "0.5")));
    assertTrue(printed.matches("(?s)split: 4 ratings from file:" + input
        + " \\(u\\.data \\(tab-separated\\)\\) → \\d train \\(\\d+\\.\\d%\\), \\d test, seed 3\n"
        + "wrote file:" + dir.resolve("out/ratings_train.csv") + " and file:"
        + dir.resolve("out/ratings_test.csv") + "\n"), printed);
    assertEquals(4, Files.readAllLines(dir.resolve("out/ratings_train.csv")).size()
        + Files.readAllLines(dir.resolve("out/ratings_test.csv")).size());
  }

  @Test
  void aBadOptionValueIsAOneLineError() {
    CommandLine cli = new CommandLine(new SplitCommand());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    cli.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
      assertTrue(error instanceof CfmrException, error.toString());
      commandLine.getErr().println(error.getMessage());
      return 1;
    });
    assertEquals(1, cli.execute("--train-fraction", "1.5", "--output", dir.toString()));
    assertEquals("--train-fraction must be between 0 and 1, not 1.5", err.toString().strip());
  }

  private static String stdoutOf(Runnable action) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
