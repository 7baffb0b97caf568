package org.cfmr.preprocess.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.cfmr.core.RatingFormat;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.testing.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cfmr.core.io.RatingsInput;

class SplitTest {
  private static final String SPLIT_MAX_SIZE = "mapreduce.input.fileinputformat.split.maxsize";
  private static final String HEADER = "userId,movieId,rating,timestamp\n";

  @TempDir Path dir;

  @AfterEach
  void defaultConfiguration() {
    HadoopRuntime.use(null);
  }

  @Test
  void aTinyFileIsSplitByTheHashOfSeedUserAndItemAndSorted() throws IOException {
    Path input = write("ratings.csv", HEADER
        + "2,5,3.5,20\n1,7,4.0,10\n1,2,0.5,11\n10,1,5.0,30\n2,1,2.0,21\n");
    SplitResult result = split(input, "out", 42, 1);
    SplitOracle oracle = new SplitOracle(input, ",", true, 42, 0.8);
    assertEquals(oracle.train, lines(result, PipelineFiles.TRAIN));
    assertEquals(oracle.test, lines(result, PipelineFiles.TEST));
    List<String> all = new ArrayList<>(lines(result, PipelineFiles.TRAIN));
    all.addAll(lines(result, PipelineFiles.TEST));
    Collections.sort(all);
    assertEquals(List.of("1,2,0.5,11", "1,7,4.0,10", "10,1,5.0,30", "2,1,2.0,21", "2,5,3.5,20"), all);
    assertEquals(5, result.ratings());
    assertEquals(RatingFormat.CSV, result.input().format());
  }

  @Test
  void theFractionDecidesTheSides() throws IOException {
    Path input = write("u.data", "1\t1\t4\t1\n1\t2\t3\t1\n2\t1\t5\t1\n");
    SplitResult allTrain = Split.run(new SplitSettings(hadoop(input), hadoop(dir.resolve("a")), 1.0, 42, 0, 1, false));
    assertEquals(List.of("1,1,4.0,1", "1,2,3.0,1", "2,1,5.0,1"), lines(allTrain, PipelineFiles.TRAIN));
    assertEquals(List.of(), lines(allTrain, PipelineFiles.TEST));
    SplitResult allTest = Split.run(new SplitSettings(hadoop(input), hadoop(dir.resolve("b")), 0.0, 42, 0, 1, false));
    assertEquals(3, allTest.test());
    assertEquals(0, allTest.train());
  }

  @Test
  void mlLatestSmallMatchesTheOracleWithinHalfAPercentOfEighty() throws IOException {
    Path input = SharedData.bundled("ratings.csv");
    SplitResult result = split(input, "out", 42, 1);
    SplitOracle oracle = new SplitOracle(input, ",", true, 42, 0.8);
    assertEquals(oracle.train, lines(result, PipelineFiles.TRAIN));
    assertEquals(oracle.test, lines(result, PipelineFiles.TEST));
    assertEquals(100_836, result.ratings());
    double share = (double) result.train() / result.ratings();
    assertTrue(Math.abs(share - 0.8) <= 0.005, "train share " + share);
  }

  @Test
  void theSameSeedGivesTheSameBytesWhateverTheOrderMappersAndReducers() throws IOException {
    Path input = SharedData.movielens("ml-100k/u.data");
    SplitResult reference = split(input, "one", 7, 1);
    SplitOracle oracle = new SplitOracle(input, "\t", false, 7, 0.8);
    assertEquals(oracle.train, lines(reference, PipelineFiles.TRAIN));
    assertEquals(oracle.test, lines(reference, PipelineFiles.TEST));
    assertEquals(100_000, reference.ratings());

    assertSameFiles(reference, split(input, "again", 7, 1));

    List<String> shuffled = new ArrayList<>(Files.readAllLines(input));
    Collections.shuffle(shuffled, new Random(3));
    Path shuffledInput = dir.resolve("shuffled.data");
    Files.write(shuffledInput, shuffled);
    assertSameFiles(reference, split(shuffledInput, "shuffled", 7, 1));

    Configuration conf = new Configuration();
    conf.setLong(SPLIT_MAX_SIZE, Files.size(input) / 3);
    HadoopRuntime.use(conf);
    assertTrue(splitsOf(input) >= 3, "the input is read by several mappers");
    assertSameFiles(reference, split(shuffledInput, "three-mappers-four-reducers", 7, 4));

    SplitResult otherSeed = split(input, "other-seed", 8, 1);
    assertFalse(Files.readString(local(otherSeed.trainFile()))
        .equals(Files.readString(local(reference.trainFile()))));
  }

  @Test
  void theDoneCriterionFilesAreSplitWithEveryRatingInExactlyOne() throws IOException {
    Path input = SharedData.movielens("ml-1m-users-1-2999/ratings.dat");
    SplitResult result = split(input.getParent(), "out", 42, 2);
    assertEquals(RatingFormat.DAT, result.input().format());
    SplitOracle oracle = new SplitOracle(input, "::", false, 42, 0.8);
    assertEquals(oracle.train, lines(result, PipelineFiles.TRAIN));
    assertEquals(oracle.test, lines(result, PipelineFiles.TEST));
    assertEquals(487_650, result.ratings());
  }

  @Test
  void aBadLineFailsTheSplitNamingFileAndLineAndWritesNothing() throws IOException {
    assertFails("ratings.csv:3: rating 5.5 is outside the scale 0.5–5.0 in half stars",
        "ratings.csv", HEADER + "1,1,4.0,1\n1,2,5.5,1\n1,3,4.0,1\n");
    assertFails("u.data:2: rating 3.5 is outside the scale 1.0–5.0 in whole stars",
        "u.data", "1\t1\t4\t1\n1\t2\t3.5\t1\n");
    assertFails("ratings.dat:2: expected 4 fields separated by '::' but found 3",
        "ratings.dat", "1::1::4::1\n1::2::4\n");
    assertFails("ratings.csv:1: expected the header 'userId,movieId,rating,timestamp'",
        "ratings.csv", "userId,movieId,stars,timestamp\n1,1,4.0,1\n");
    assertFails("plain.csv:2: empty line", "plain.csv", "1,1,4.0,1\n\n1,3,4.0,1\n");
    assertFails("ratings.csv:4: duplicate rating of movie 2 by user 1 (first on line 2)",
        "ratings.csv", HEADER + "1,2,4.0,1\n1,3,4.0,1\n1,2,3.0,9\n");
    assertFails("ratings.csv: no ratings", "ratings.csv", HEADER);
    assertFails("empty.csv: no ratings", "empty.csv", "");
  }

  @Test
  void aBadLineReadByALaterMapperIsNamedByItsLineNumber() throws IOException {
    StringBuilder text = new StringBuilder("\uFEFF" + HEADER);
    for (int i = 1; i <= 5000; i++) {
      text.append(i).append(",1,").append(i == 4321 ? "4.2" : "4.0").append(",1\r\n");
    }
    Configuration conf = new Configuration();
    conf.setLong(SPLIT_MAX_SIZE, 20_000);
    HadoopRuntime.use(conf);
    Path input = write("ratings.csv", text.toString());
    assertTrue(splitsOf(input) >= 3);
    assertFails(input, "ratings.csv:4322: rating '4.2' is not a multiple of 0.5");
  }

  @Test
  void aGzippedFileSplitsLikeThePlainOneAndItsBadLinesAreLocated() throws IOException {
    String text = HEADER + "3,1,4.0,1\n1,1,4.0,1\n2,2,1.5,1\n1,2,3.0,1\n";
    SplitResult plain = split(write("plain.csv", text), "plain", 42, 1);
    SplitResult gzipped = split(gzip("ratings.csv.gz", text), "gzipped", 42, 1);
    assertSameFiles(plain, gzipped);
    assertEquals(4, gzipped.ratings());
    assertFails(gzip("bad.csv.gz", text + "4,4,4.0\n"),
        "bad.csv.gz:6: expected 4 fields separated by ',' but found 3");
  }

  @Test
  void maxErrorsSkipsAndCountsBadLinesAndDropsEveryCopyOfADuplicate() throws IOException {
    Path input = write("ratings.csv", HEADER
        + "1,1,4.0,1\n1,2,oops,1\n1,3,4.0,1\n2,2,1.0,1\n1,3,2.0,5\n3,3,3.0,3\n");
    SplitResult result = Split.run(new SplitSettings(hadoop(input), hadoop(dir.resolve("out")),
        0.5, 42, 3, 1, false));
    assertEquals(3, result.skippedLines());
    List<String> kept = new ArrayList<>(lines(result, PipelineFiles.TRAIN));
    kept.addAll(lines(result, PipelineFiles.TEST));
    Collections.sort(kept);
    assertEquals(List.of("1,1,4.0,1", "2,2,1.0,1", "3,3,3.0,3"), kept);
    assertTrue(result.summary().endsWith("; 3 bad lines skipped, the first: " + hadoop(input)
        + ":3: rating 'oops' is not a number"), result.summary());

    CfmrException tooMany = assertThrows(CfmrException.class, () -> Split.run(new SplitSettings(
        hadoop(input), hadoop(dir.resolve("strict")), 0.5, 42, 2, 1, false)));
    assertEquals(hadoop(input) + ":3: rating 'oops' is not a number (3 bad lines, more than "
        + "--max-errors 2)", tooMany.getMessage());
    assertNothingWritten(dir.resolve("strict"));
  }

  @Test
  void anExistingSplitIsReplacedOnlyWithOverwrite() throws IOException {
    Path input = write("ratings.csv", HEADER + "1,1,4.0,1\n");
    split(input, "out", 42, 1);
    CfmrException exists = assertThrows(CfmrException.class, () -> split(input, "out", 42, 1));
    assertTrue(exists.getMessage().endsWith("ratings_train.csv exists; pass --overwrite to replace it"),
        exists.getMessage());
    Files.writeString(input, HEADER + "1,1,4.0,1\n2,2,2.0,2\n");
    SplitResult replaced = Split.run(new SplitSettings(hadoop(input), hadoop(dir.resolve("out")),
        0.8, 42, 0, 1, true));
    assertEquals(2, replaced.ratings());

    byte[] before = Files.readAllBytes(local(replaced.trainFile()));
    Files.writeString(input, HEADER + "1,1,4.0,1\n1,1,4.0,1\n");
    assertThrows(CfmrException.class, () -> Split.run(new SplitSettings(hadoop(input),
        hadoop(dir.resolve("out")), 0.8, 42, 0, 1, true)));
    assertArrayEquals(before, Files.readAllBytes(local(replaced.trainFile())));
    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      assertEquals(List.of("_cfmr-manifest.json", "ratings_test.csv", "ratings_train.csv"), files
          .map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).sorted().toList());
    }
  }

  @Test
  void aMissingInputIsNamed() {
    Path missing = dir.resolve("nope.csv");
    assertEquals("no such file or folder: " + hadoop(missing),
        assertThrows(CfmrException.class, () -> split(missing, "out", 42, 1)).getMessage());
  }

  @Test
  void lineNumbersCountEveryKindOfLineEnd() throws IOException {
    Path file = write("ends.csv", "a\nb\r\nc\rd\n");
    var input = new org.cfmr.core.io.RatingsInput(hadoop(file), RatingFormat.PLAIN_CSV);
    Configuration conf = new Configuration();
    assertEquals(1, Split.lineAt(input, 0, conf));
    assertEquals(2, Split.lineAt(input, 2, conf));
    assertEquals(3, Split.lineAt(input, 5, conf));
    assertEquals(4, Split.lineAt(input, 7, conf));
  }

  private void assertFails(String expected, String name, String content) throws IOException {
    assertFails(write(name, content), expected);
  }

  private void assertFails(Path input, String expected) {
    Path out = dir.resolve("failed-" + input.getFileName());
    CfmrException error = assertThrows(CfmrException.class, () -> split(input, out.toString(), 42, 1));
    String prefix = hadoop(input).getParent() + "/";
    assertEquals(prefix + expected, error.getMessage());
    assertNothingWritten(out);
  }

  private static void assertNothingWritten(Path out) {
    assertFalse(Files.exists(out), out + " was made for a failed split");
  }

  private SplitResult split(Path input, String output, long seed, int reducers) {
    return Split.run(new SplitSettings(hadoop(input), hadoop(dir.resolve(output)),
        SplitSettings.DEFAULT_TRAIN_FRACTION, seed, 0, reducers, false));
  }

  private static void assertSameFiles(SplitResult expected, SplitResult actual) throws IOException {
    assertArrayEquals(Files.readAllBytes(local(expected.trainFile())),
        Files.readAllBytes(local(actual.trainFile())));
    assertArrayEquals(Files.readAllBytes(local(expected.testFile())),
        Files.readAllBytes(local(actual.testFile())));
  }

  private static int splitsOf(Path input) throws IOException {
    Job job = Job.getInstance(HadoopRuntime.configuration());
    FileInputFormat.addInputPath(job, hadoop(input));
    return new TextInputFormat().getSplits(job).size();
  }

  private static List<String> lines(SplitResult result, String name) throws IOException {
    return Files.readAllLines(local(name.equals(PipelineFiles.TRAIN) ? result.trainFile() : result.testFile()));
  }

  private Path gzip(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static org.apache.hadoop.fs.Path hadoop(Path path) {
    return new org.apache.hadoop.fs.Path(path.toUri());
  }

  private static Path local(org.apache.hadoop.fs.Path path) {
    return Path.of(path.toUri());
  }
}
