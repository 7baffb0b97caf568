package org.cfmr.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.similarity.Similarity;
import org.cfmr.core.Mode;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.StableHash;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.runtime.OutputFolder;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.runtime.ResultManifest;
import org.cfmr.core.testing.SharedData;
import org.cfmr.mapreduce.NeighbourStage.Request;
import org.cfmr.mapreduce.NeighbourStage.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The chain end to end through {@link NeighbourStage} and {@code cfmr neighbours}: hand-checked
 * tiny cases, determinism (shuffled input, many splits and reducers, tiny buffers), the engines
 * agreeing, errors, resuming, the work folder. The default work folder is under
 * {@code hadoop.tmp.dir}, here a temporary folder of each test.
 */
class NeighbourStageTest {
  @TempDir java.nio.file.Path temp;

  /**
   * Users 1 and 2 rate movies 10 and 20 (4, 2), users 3 and 6 (2, 4): cosine 1 within each twin
   * and 16/20 = 0.8 across. User 4 rated only movie 10 (one co-rated movie with anyone, below
   * minCommon 2); user 5 rated only movie 40, which nobody else rated.
   */
  private static final List<String> TINY = List.of("1,10,4.0,1", "1,20,2.0,1", "2,10,4.0,1",
      "2,20,2.0,1", "3,10,2.0,1", "3,20,4.0,1", "6,10,2.0,1", "6,20,4.0,1", "4,10,5.0,1",
      "5,40,3.0,1");

  private static final NeighbourSettings TINY_SETTINGS = NeighbourSettings.defaults()
      .withMeasure(Similarity.COSINE).withShrink(0).withMinCommon(2).withK(2);

  @Test
  void tinyCaseByHandTiesByIdTooFewCommonLoneRatingsAndUnsharedMovies() throws IOException {
    Result result = chain(write("train.csv", TINY), TINY_SETTINGS, ModeSelection.BOTH, 1);
    // User 1's candidates are 2 (1.0), 3 and 6 (0.8 each): the tie at K = 2 goes to the lower id.
    assertEquals(List.of("1\t2:1.000000,3:0.800000", "2\t1:1.000000,3:0.800000",
        "3\t6:1.000000,1:0.800000", "6\t3:1.000000,1:0.800000"), output(PipelineFiles.USER_NEIGHBOURS));
    // Movies 10 and 20 share users 1, 2, 3, 6: (8+8+8+8) / (sqrt(40)·sqrt(40)) = 0.8.
    assertEquals(List.of("10\t20:0.800000", "20\t10:0.800000"), output(PipelineFiles.ITEM_NEIGHBOURS));
    assertEquals(Engine.MAPREDUCE, result.engine());
    assertEquals(4L, result.entitiesWithNeighbours().get(Mode.USER));
    assertEquals(8, result.reports().size());
    assertEquals(List.of(ResultManifest.NAME, PipelineFiles.ITEM_NEIGHBOURS,
        PipelineFiles.USER_NEIGHBOURS), listing(temp.resolve("out")),
        "only the result files and their manifest in the output folder");
    assertEquals(List.of(), listing(workBase()), "the work folder is removed");
  }

  @Test
  void theCapSamplesEachBigPivotBySeedAndTheCapOffKeepsAll() throws IOException {
    java.nio.file.Path train = write("train.csv", TINY);
    NeighbourSettings capped = TINY_SETTINGS.withMinCommon(1).withMaxPivotRatings(2);
    chain(train, capped, ModeSelection.USER, 1);
    List<String> withCap = output(PipelineFiles.USER_NEIGHBOURS);
    // Independently: keep, per movie, the 2 raters with the smallest hash of (seed, movie, user).
    List<String> sampled = new ArrayList<>();
    for (int movie : new int[] {10, 20, 40}) {
      List<String> raters = TINY.stream().filter(l -> l.split(",")[1].equals("" + movie))
          .sorted((x, y) -> Long.compareUnsigned(hash(capped, movie, x), hash(capped, movie, y)))
          .toList();
      sampled.addAll(raters.subList(0, Math.min(2, raters.size())));
    }
    var oracle = BruteForceNeighbours.neighbours(new BruteForceNeighbours(
        write("sampled.csv", sampled), true).rawSimilarities("cosine"), 0, 1, 0, 2);
    List<String> expected = new ArrayList<>();
    oracle.forEach((id, list) -> expected.add(org.cfmr.core.NeighbourFileFormat.formatLine(id, list)));
    assertEquals(expected, withCap);
    NeighbourStage.compute(request(train, capped.withMaxPivotRatings(0), ModeSelection.USER, 1)
        .overwrite(true).build(), conf());
    assertNotEquals(withCap, output(PipelineFiles.USER_NEIGHBOURS), "the cap changed the result");
  }

  private static long hash(NeighbourSettings settings, int movie, String line) {
    return StableHash.hash(settings.seed(), movie, Integer.parseInt(line.split(",")[0]));
  }

  @Test
  void shuffledInputManySplitsFourReducersAndTinyBuffersGiveTheMemoryEnginesBytes()
      throws IOException {
    java.nio.file.Path original = SharedData.golden("ml-100k-u1/ratings_train.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(original));
    Collections.shuffle(lines, new Random(3));
    java.nio.file.Path shuffled = write("shuffled.csv", lines);
    Configuration conf = conf();
    conf.setLong("mapreduce.input.fileinputformat.split.maxsize", 400_000);
    conf.setInt("cfmr.chain.chunk-ratings", 50_000);
    conf.setInt("cfmr.chain.candidate-buffer", 5_000);
    conf.setLong("cfmr.chain.scoring-split-bytes", 1);
    NeighbourSettings settings = NeighbourSettings.defaults().withMeasure(Similarity.ADJUSTED_COSINE);
    NeighbourStage.compute(Request.builder(path(shuffled), path(temp.resolve("out")))
        .mode(ModeSelection.BOTH).settings(settings).engine(Engine.MAPREDUCE)
        .reducers(4).threads(1).build(), conf);
    NeighbourStage.compute(Request.builder(path(original), path(temp.resolve("memory")))
        .mode(ModeSelection.BOTH).settings(settings).engine(Engine.MEMORY)
        .reducers(1).threads(2).build(), conf);
    for (String name : List.of(PipelineFiles.USER_NEIGHBOURS, PipelineFiles.ITEM_NEIGHBOURS)) {
      assertEquals(-1, Files.mismatch(temp.resolve("memory").resolve(name),
          temp.resolve("out").resolve(name)), name + " differs from the memory engine's");
    }
  }

  /**
   * The prediction and the ranking neighbours staged together: the memory engine's one pass and
   * the chain's separate runs write the same bytes for both files.
   */
  @Test
  void predictionAndRankingNeighboursTogetherAreTheChainsBytes() throws IOException {
    List<String> bundled = Files.readAllLines(SharedData.bundled("ratings.csv"));
    Path train = path(write("train.csv", bundled.subList(1, bundled.size())));
    Configuration conf = conf();
    for (Engine engine : List.of(Engine.MEMORY, Engine.MAPREDUCE)) {
      Path output = path(temp.resolve(engine.cliName()));
      Request prediction = Request.builder(train, output).mode(ModeSelection.ITEM)
          .engine(engine).threads(2).build();
      List<Request> requests = List.of(prediction,
          prediction.forRanking(prediction.settings().forRanking()));
      try (OutputFolder out = OutputFolder.forResult(output, List.of(PipelineFiles.ITEM_NEIGHBOURS,
          PipelineFiles.ITEM_RANKING_NEIGHBOURS), false, NeighbourStage.manifestStage(prediction,
          conf), conf)) {
        List<Result> results = NeighbourStage.writeStagedTogether(requests, out, conf);
        assertEquals(List.of(engine, engine), results.stream().map(Result::engine).toList());
        out.commit();
      }
      requests.stream().filter(request -> engine == Engine.MAPREDUCE)
          .forEach(request -> NeighbourStage.removeWork(request, conf));
    }
    for (String name : List.of(PipelineFiles.ITEM_NEIGHBOURS,
        PipelineFiles.ITEM_RANKING_NEIGHBOURS)) {
      java.nio.file.Path memory = temp.resolve("memory").resolve(name);
      assertTrue(Files.size(memory) > 100_000, name);
      assertEquals(-1, Files.mismatch(memory, temp.resolve("mapreduce").resolve(name)), name);
    }
  }

  @Test
  void aMalformedLineStopsTheRunWithFileAndLineAndWritesNothing() throws IOException {
    java.nio.file.Path train = write("train.csv", List.of("1,10,4.0,1", "1,20,2.0,1", "2,10,4.5x,1"));
    CfmrException error = assertThrows(CfmrException.class,
        () -> chain(train, TINY_SETTINGS, ModeSelection.USER, 1));
    assertTrue(error.getMessage().contains("train.csv:3: rating '4.5x' is not a number"),
        error.getMessage());
    assertFalse(Files.exists(temp.resolve("out").resolve(PipelineFiles.USER_NEIGHBOURS)));
  }

  @Test
  void aDuplicateRatingIsAnError() throws IOException {
    java.nio.file.Path train = write("train.csv", List.of("1,10,4.0,1", "2,10,2.0,1", "1,10,3.0,2"));
    CfmrException error = assertThrows(CfmrException.class,
        () -> chain(train, TINY_SETTINGS, ModeSelection.USER, 1));
    assertTrue(error.getMessage().contains("duplicate rating of movie 10 by user 1"), error.getMessage());
  }

  @Test
  void anExistingFileIsReplacedOnlyWithOverwrite() throws IOException {
    java.nio.file.Path train = write("train.csv", TINY);
    Files.createDirectories(temp.resolve("out"));
    Files.writeString(temp.resolve("out").resolve(PipelineFiles.USER_NEIGHBOURS), "old\n");
    CfmrException error = assertThrows(CfmrException.class,
        () -> chain(train, TINY_SETTINGS, ModeSelection.USER, 1));
    assertTrue(error.getMessage().endsWith("exists; pass --overwrite to replace it"), error.getMessage());
    assertEquals(List.of("old"), output(PipelineFiles.USER_NEIGHBOURS));
    NeighbourStage.compute(request(train, TINY_SETTINGS, ModeSelection.USER, 1).overwrite(true).build(),
        conf());
    assertEquals(4, output(PipelineFiles.USER_NEIGHBOURS).size());
  }

  @Test
  void aRunStoppedAfterPhaseTwoResumesWhereItStopped() throws IOException {
    java.nio.file.Path train = write("train.csv", TINY);
    Result stopped = NeighbourStage.compute(
        request(train, TINY_SETTINGS, ModeSelection.USER, 1).phases(1, 2, false).build(), conf());
    assertFalse(stopped.written());
    assertFalse(Files.exists(temp.resolve("out").resolve(PipelineFiles.USER_NEIGHBOURS)));
    Result resumed = NeighbourStage.compute(
        request(train, TINY_SETTINGS, ModeSelection.USER, 1).phases(1, 4, true).build(), conf());
    assertEquals(List.of("job 3/4 user similarities", "job 4/4 user top-k"),
        resumed.reports().stream().map(r -> r.name()).toList());
    assertEquals(4, output(PipelineFiles.USER_NEIGHBOURS).size());
    CfmrException error = assertThrows(CfmrException.class, () -> NeighbourStage.compute(
        request(train, TINY_SETTINGS, ModeSelection.USER, 1).phases(3, 4, false).overwrite(true).build(),
        conf()));
    assertTrue(error.getMessage().startsWith("cannot start at phase 3"), error.getMessage());
  }

  @Test
  void theCommandWritesTheFilesAndTheJsonReport() throws IOException {
    java.nio.file.Path train = write("train.csv", TINY);
    int exit = new CommandLine(new NeighboursCommand()).execute("--train", train.toString(),
        "--output", temp.resolve("out").toString(), "--similarity", "cosine", "--shrink", "0",
        "--min-common", "2", "--k", "2", "--engine", "mapreduce", "--mode", "user",
        "--report", temp.resolve("report.json").toString());
    assertEquals(0, exit);
    assertEquals(4, output(PipelineFiles.USER_NEIGHBOURS).size());
    assertFalse(Files.exists(temp.resolve("out").resolve(PipelineFiles.ITEM_NEIGHBOURS)));
    JsonNode report = new ObjectMapper().readTree(temp.resolve("report.json").toFile());
    assertEquals("mapreduce", report.get("engine").asText());
    assertEquals(4, report.get("jobs").size());
    assertEquals(4, report.get("entities_with_neighbours").get("user").asInt());
    JsonNode similarities = report.get("jobs").get(2);
    assertEquals(6, similarities.get("pairs_kept").asInt()); // every pair of 1, 2, 3, 6
  }

  @Test
  void autoPicksMemoryForASmallLocalFile() {
    assertTrue(Engine.fitsInHeap(10 << 20, 1L << 30));
    assertFalse(Engine.fitsInHeap(800L << 20, 2L << 30));
  }

  @Test
  void theIntermediatesLiveOffTheOutputFolderWhereAResumedRunFindsThem() throws IOException {
    java.nio.file.Path train = write("train.csv", TINY);
    NeighbourStage.compute(request(train, TINY_SETTINGS, ModeSelection.BOTH, 1).phases(1, 2, false).build(),
        conf());
    assertFalse(Files.exists(temp.resolve("out")), "nothing in the output folder");
    List<String> works = listing(workBase());
    assertEquals(1, works.size(), works.toString());
    assertTrue(works.get(0).matches("out-[0-9a-f]{16}"), works.toString());
    java.nio.file.Path work = workBase().resolve(works.get(0));
    assertEquals(List.of("item", "user"), listing(work));
    assertTrue(Files.exists(work.resolve("user/2-pair-statistics/_SUCCESS")));

    Result resumed = NeighbourStage.compute(
        request(train, TINY_SETTINGS, ModeSelection.BOTH, 1).phases(1, 4, true).build(), conf());
    assertEquals(4, resumed.reports().size(), "jobs 3 and 4 of each mode");
    assertEquals(List.of(ResultManifest.NAME, PipelineFiles.ITEM_NEIGHBOURS,
        PipelineFiles.USER_NEIGHBOURS), listing(temp.resolve("out")));
    assertEquals(List.of(), listing(workBase()));
  }

  @Test
  void anExplicitWorkFolderHoldsTheIntermediatesOfEachMode() throws IOException {
    java.nio.file.Path train = write("train.csv", TINY);
    Path work = path(temp.resolve("my-work"));
    NeighbourStage.compute(request(train, TINY_SETTINGS, ModeSelection.USER, 1).phases(1, 1, false)
        .work(work).build(), conf());
    assertTrue(Files.exists(temp.resolve("my-work/user/1-co-ratings/_SUCCESS")));
    assertFalse(Files.exists(workBase()), "the default work folder is not used");
    NeighbourStage.compute(request(train, TINY_SETTINGS, ModeSelection.USER, 1).phases(1, 4, true)
        .work(work).build(), conf());
    assertEquals(4, output(PipelineFiles.USER_NEIGHBOURS).size());
    assertFalse(Files.exists(temp.resolve("my-work")), "removed once the file is written");
  }

  @Test
  void resumeAfterTheTrainFileGrewStartsAgainAtPhaseOne() throws IOException {
    java.nio.file.Path train = write("train.csv", TINY);
    NeighbourStage.compute(request(train, TINY_SETTINGS, ModeSelection.USER, 1).phases(1, 2, false).build(),
        conf());
    List<String> grown = new ArrayList<>(TINY);
    grown.addAll(List.of("7,10,4.0,1", "7,20,2.0,1")); // a third twin of users 1 and 2
    write("train.csv", grown);
    assertResumeGivesTheNeighboursOf(train);
  }

  @Test
  void resumeAfterTheTrainFileChangedAtTheSameLengthStartsAgainAtPhaseOne() throws IOException {
    java.nio.file.Path train = write("train.csv", TINY);
    NeighbourStage.compute(request(train, TINY_SETTINGS, ModeSelection.USER, 1).phases(1, 2, false).build(),
        conf());
    FileTime before = Files.getLastModifiedTime(train);
    List<String> changed = new ArrayList<>(TINY);
    changed.set(0, "1,10,5.0,1"); // user 1 rates movie 10 5, not 4: same length
    write("train.csv", changed);
    Files.setLastModifiedTime(train, FileTime.fromMillis(before.toMillis() + 60_000));
    assertEquals(TINY.stream().mapToInt(l -> l.length() + 1).sum(), Files.size(train));
    assertResumeGivesTheNeighboursOf(train);
  }

  @Test
  void aLaterStartPhaseRefusesAChangedTrainFile() throws IOException {
    java.nio.file.Path train = write("train.csv", TINY);
    NeighbourStage.compute(request(train, TINY_SETTINGS, ModeSelection.USER, 1).phases(1, 2, false).build(),
        conf());
    write("train.csv", TINY.subList(0, 8));
    CfmrException error = assertThrows(CfmrException.class, () -> NeighbourStage.compute(
        request(train, TINY_SETTINGS, ModeSelection.USER, 1).phases(3, 4, false).build(), conf()));
    assertTrue(error.getMessage().startsWith("cannot start at phase 3: " + path(train)
        + " is not the file the intermediates in "), error.getMessage());
    assertTrue(error.getMessage().contains("length 110 -> 88"), error.getMessage());
    assertFalse(Files.exists(temp.resolve("out").resolve(PipelineFiles.USER_NEIGHBOURS)));
  }

  /** {@code --resume} reruns all four jobs and gives the memory engine's file of {@code train}. */
  private void assertResumeGivesTheNeighboursOf(java.nio.file.Path train) throws IOException {
    Result resumed = NeighbourStage.compute(
        request(train, TINY_SETTINGS, ModeSelection.USER, 1).phases(1, 4, true).build(), conf());
    assertEquals(List.of("job 1/4 user co-ratings", "job 2/4 user pair statistics",
        "job 3/4 user similarities", "job 4/4 user top-k"),
        resumed.reports().stream().map(r -> r.name()).toList());
    NeighbourStage.compute(Request.builder(path(train), path(temp.resolve("memory")))
        .mode(ModeSelection.USER).settings(TINY_SETTINGS).engine(Engine.MEMORY)
        .reducers(1).threads(1).build(), conf());
    assertEquals(-1, Files.mismatch(temp.resolve("memory").resolve(PipelineFiles.USER_NEIGHBOURS),
        temp.resolve("out").resolve(PipelineFiles.USER_NEIGHBOURS)));
  }

  private java.nio.file.Path workBase() {
    return temp.resolve("hadoop-tmp").resolve(WorkFolder.BASE);
  }

  /**
   * The names in {@code folder} as Hadoop lists them (without the local file system's
   * {@code .crc} files), sorted; empty when it does not exist.
   */
  private static List<String> listing(java.nio.file.Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return List.of();
    }
    return Arrays.stream(FileSystem.getLocal(new Configuration()).listStatus(path(folder)))
        .map(status -> status.getPath().getName()).sorted().toList();
  }

  /** The configuration of the commands, with {@code hadoop.tmp.dir} in this test's folder. */
  private Configuration conf() {
    Configuration conf = HadoopRuntime.configuration();
    conf.set("hadoop.tmp.dir", temp.resolve("hadoop-tmp").toString());
    return conf;
  }

  private Result chain(java.nio.file.Path train, NeighbourSettings settings, ModeSelection mode, int reducers) {
    return NeighbourStage.compute(request(train, settings, mode, reducers).build(), conf());
  }

  private Request.Builder request(java.nio.file.Path train, NeighbourSettings settings, ModeSelection mode, int reducers) {
    return Request.builder(path(train), path(temp.resolve("out")))
        .mode(mode).settings(settings).engine(Engine.MAPREDUCE)
        .reducers(reducers).threads(1);
  }

  private java.nio.file.Path write(String name, List<String> lines) throws IOException {
    return Files.write(temp.resolve(name), lines);
  }

  private List<String> output(String name) throws IOException {
    return Files.readAllLines(temp.resolve("out").resolve(name));
  }

  private static Path path(java.nio.file.Path file) {
    return new Path(file.toUri());
  }
}
