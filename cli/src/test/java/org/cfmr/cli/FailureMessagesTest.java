package org.cfmr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.runtime.BundledData;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.testing.SmallDisk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures as the user sees them from {@code cfmr}: one line naming the file and the cause, exit
 * 1, never a stack trace nor Hadoop's "NA".
 */
class FailureMessagesTest {
  @TempDir Path dir;

  @AfterEach
  void resetConfiguration() {
    HadoopRuntime.use(new Configuration());
  }

  @Test
  void aTruncatedGzipInputNamesTheFileAndTheCause() throws IOException {
    Path gz = dir.resolve("ratings.csv.gz");
    try (InputStream in = Files.newInputStream(BundledData.folder().resolve("ratings.csv"));
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      in.transferTo(out);
    }
    byte[] whole = Files.readAllBytes(gz);
    Files.write(gz, java.util.Arrays.copyOf(whole, whole.length / 2));
    String error = failure(1, "split", "--input", gz.toString(), "--output",
        dir.resolve("out").toString());
    assertTrue(error.startsWith("cfmr: split failed: Unexpected end of input stream (input file:"
        + gz + ", output "), error);
  }

  @Test
  void anEmptyTrainFileOnTheChainSaysSo() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.csv"));
    assertEquals("cfmr: " + empty + ": no ratings", failure(1, "neighbours", "--engine",
        "mapreduce", "--mode", "user", "--train", empty.toString(), "--output",
        dir.resolve("out").toString()));
  }

  @Test
  void aFullDiskUnderTheMemoryEngineIsOneLine() throws Exception {
    Path train = train();
    try (SmallDisk disk = SmallDisk.mount(dir)) {
      Files.write(disk.folder().resolve("filler"), new byte[1024 * 1024 - 8 * 1024]);
      String error = failure(1, "neighbours", "--engine", "memory", "--mode", "user", "--train",
          train.toString(), "--output", disk.folder().resolve("out").toString());
      assertTrue(error.matches("cfmr: cannot write file:" + disk.folder()
          + "/out/\\S+/user_topk_neighbors.txt: No space left on device"), error);
      assertFalse(Files.exists(disk.folder().resolve("out/user_topk_neighbors.txt")));
    }
  }

  @Test
  void aColonInAFileNameSaysToRenameIt() throws IOException {
    Path train = Files.copy(train(), dir.resolve("a:b.csv"));
    assertEquals("cfmr: a:b.csv: Hadoop paths cannot have ':' in a file or folder name; "
        + "rename it", failure(1, "neighbours", "--engine", "memory", "--train", train.toString(),
        "--output", dir.resolve("out").toString()));
  }

  /**
   * A folder split again ({@code split --overwrite}, another seed) after its neighbours were
   * computed from the first split holds neighbours of another train file: every reader refuses
   * it, naming the neighbour file; computing the neighbours again makes it readable.
   */
  @Test
  void aFolderSplitAgainAfterItsNeighboursIsRefused() throws IOException {
    Path ratings = train();
    Path folder = dir.resolve("result");
    String trainFile = folder.resolve("ratings_train.csv").toString();
    String[] neighbours = {"neighbours", "--engine", "memory", "--train", trainFile, "--output",
        folder.toString(), "--min-common", "1", "--overwrite"};
    assertEquals(0, Main.run("split", "--input", ratings.toString(), "--output",
        folder.toString()));
    assertEquals(0, Main.run(neighbours));
    assertEquals(0, Main.run("split", "--input", ratings.toString(), "--output",
        folder.toString(), "--seed", "7", "--overwrite"));
    String error = failure(1, "evaluate", "--folder", folder.toString());
    assertTrue(error.matches("cfmr: " + folder + "/(user|item)_topk_neighbors.txt: computed from "
        + "another ratings_train.csv than the one in " + folder + " \\(checksum \\w{8} then, "
        + "\\w{8} now; run neighbours again\\)"), error);
    assertEquals(0, Main.run(neighbours));
    assertEquals(0, Main.run("evaluate", "--folder", folder.toString()));
  }

  /** 60 users who all rate 40 movies: every pair of users has neighbours. */
  private Path train() throws IOException {
    StringBuilder csv = new StringBuilder();
    for (int user = 1; user <= 60; user++) {
      for (int movie = 1; movie <= 40; movie++) {
        csv.append(user).append(',').append(movie).append(',')
            .append(1 + (user * 7 + movie * 3 + user * movie) % 5).append(".0,1\n");
      }
    }
    return Files.writeString(dir.resolve("train.csv"), csv);
  }

  /**
   * Runs cfmr in this JVM, expects {@code exit}, and returns its error: the one line of standard
   * error that is cfmr's (progress lines aside), after checking there is no stack trace.
   */
  static String failure(int exit, String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.run(args);
    } finally {
      System.setErr(original);
    }
    String err = captured.toString(StandardCharsets.UTF_8);
    assertEquals(exit, code, err);
    assertFalse(err.contains("\tat "), err);
    List<String> lines = err.lines().filter(line -> line.startsWith("cfmr")).toList();
    assertEquals(1, lines.size(), err);
    return lines.get(0);
  }
}
