package org.cfmr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.cfmr.core.runtime.OutputFolder;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.testing.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/cfmr pipeline --overwrite} killed ({@code SIGKILL}) after the split, during the
 * neighbours and at steps of the commit, and on a full disk (a small tmpfs): the folder holds
 * the old complete result or the new complete one, never a mix, and {@code evaluate --folder}
 * reads it; the staging folders of killed runs are gone once the folder is opened again.
 */
class PipelineKillIT {
  private static final Path CFMR = SharedData.projectRoot().resolve("bin/cfmr");
  private static final List<String> FILES = List.of(PipelineFiles.TRAIN, PipelineFiles.TEST,
      PipelineFiles.USER_NEIGHBOURS, PipelineFiles.ITEM_NEIGHBOURS,
      PipelineFiles.USER_RANKING_NEIGHBOURS, PipelineFiles.ITEM_RANKING_NEIGHBOURS,
      PipelineFiles.USER_BASED_RECOMMENDATIONS, PipelineFiles.ITEM_BASED_RECOMMENDATIONS,
      PipelineFiles.METRICS, PipelineFiles.REPORT, PipelineFiles.RUN);
  /** The old result is seed 1's split, the new one seed 7's. */
  private static final String OLD_SEED = "1";
  private static final String NEW_SEED = "7";

  @TempDir static Path dir;
  private static Map<String, byte[]> oldResult;
  private static Map<String, byte[]> newResult;

  @BeforeAll
  static void runBothResultsOnce() throws Exception {
    oldResult = contents(complete(dir.resolve("old"), OLD_SEED));
    newResult = contents(complete(dir.resolve("new"), NEW_SEED));
  }

  private static Path complete(Path folder, String seed) throws Exception {
    Process process = start(pipeline(folder, seed));
    assertTrue(process.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, process.exitValue(), log(folder));
    return folder;
  }

  private static List<String> pipeline(Path folder, String seed, String... extra) {
    List<String> args = new ArrayList<>(List.of(CFMR.toString()));
    args.addAll(List.of(extra));
    args.addAll(List.of("pipeline", "--output", folder.toString(), "--overwrite", "--seed", seed,
        "--top-n", "5", "--threads", "2"));
    return args;
  }

  private static Process start(List<String> command) throws IOException {
    Path folder = Path.of(command.get(command.indexOf("--output") + 1));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(logFile(folder).toFile()).start();
  }

  private static Path logFile(Path folder) {
    return folder.resolveSibling(folder.getFileName() + ".log");
  }

  private static String log(Path folder) throws IOException {
    return Files.readString(logFile(folder), StandardCharsets.UTF_8);
  }

  /**
   * The result files' bytes (the JSON records and the report hold timings: only the seed is
   * compared).
   */
  private static Map<String, byte[]> contents(Path folder) throws IOException {
    Map<String, byte[]> bytes = new TreeMap<>();
    for (String name : FILES) {
      byte[] content = Files.readAllBytes(folder.resolve(name));
      bytes.put(name, name.equals(PipelineFiles.RUN)
          ? seedOf(content).getBytes(StandardCharsets.UTF_8)
          : name.endsWith(".json") || name.equals(PipelineFiles.REPORT) ? new byte[0] : content);
    }
    return bytes;
  }

  private static String seedOf(byte[] runJson) throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(runJson)
        .at("/split/seed").asText();
  }

  /** A folder holding a copy of the old result, made with the pipeline. */
  private static Path oldResultIn(Path folder) throws Exception {
    Files.createDirectories(folder);
    try (Stream<Path> files = Files.list(dir.resolve("old"))) {
      for (Path file : files.toList()) {
        Files.copy(file, folder.resolve(file.getFileName()));
      }
    }
    return folder;
  }

  /** Opens the folder as a reader would and says which result it holds, failing on a mix. */
  private static Map<String, byte[]> readResult(Path folder) throws Exception {
    Process evaluate = new ProcessBuilder(CFMR.toString(), "evaluate", "--folder",
        folder.toString(), "--threads", "2").redirectErrorStream(true).start();
    String out = new String(evaluate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(evaluate.waitFor(2, TimeUnit.MINUTES));
    assertEquals(0, evaluate.exitValue(), "evaluate --folder accepts the folder: " + out);
    try (Stream<Path> files = Files.list(folder)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      List<String> expected = new ArrayList<>(FILES);
      expected.add("_cfmr-manifest.json");
      assertEquals(expected.stream().sorted().toList(), names,
          "no staging folder or marker is left once the folder was opened");
    }
    return contents(folder);
  }

  private static void assertSameResult(Map<String, byte[]> expected, Map<String, byte[]> actual,
      String what) {
    for (String name : FILES) {
      assertArrayEquals(expected.get(name), actual.get(name), what + ": " + name);
    }
  }

  /** Kills the run with SIGKILL once {@code ready} holds for its output folder. */
  private static void killWhen(Path folder, Predicate<Path> ready) throws Exception {
    Process process = start(pipeline(folder, NEW_SEED));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!ready.test(folder)) {
      assertTrue(process.isAlive(), "the run ended before the kill point: " + log(folder));
      assertTrue(System.nanoTime() < deadline, "the kill point never came");
      Thread.sleep(20);
    }
    process.destroyForcibly(); // SIGKILL to the JVM (bin/cfmr execs java)
    process.waitFor();
  }

  /** Whether a staging folder of {@code folder} holds {@code name}. */
  private static Predicate<Path> staged(String name) {
    return folder -> {
      try (Stream<Path> files = Files.list(folder)) {
        return files.anyMatch(f -> f.getFileName().toString().startsWith("_cfmr-staging-")
            && Files.exists(f.resolve(name)));
      } catch (IOException e) {
        return false;
      }
    };
  }

  @Test
  void killedAfterTheSplitTheOldResultIsKept() throws Exception {
    Path folder = oldResultIn(dir.resolve("after-split"));
    killWhen(folder, staged(PipelineFiles.TEST));
    assertSameResult(oldResult, readResult(folder), "killed after the split");
  }

  @Test
  void killedDuringTheNeighboursTheOldResultIsKept() throws Exception {
    Path folder = oldResultIn(dir.resolve("during-neighbours"));
    killWhen(folder, staged(PipelineFiles.USER_NEIGHBOURS));
    assertSameResult(oldResult, readResult(folder), "killed during the neighbours");
  }

  /**
   * Halted (as by SIGKILL) after commit step 1 (the manifest staged: not decided), 2 (the marker
   * written: decided), 3 (the old manifest deleted) and 6 (three files moved).
   */
  @Test
  void killedDuringTheCommitTheOldOrTheNewResultIsThere() throws Exception {
    for (int step : new int[] {1, 2, 3, 6}) {
      Path folder = oldResultIn(dir.resolve("commit-step-" + step));
      Process process = start(pipeline(folder, NEW_SEED, "-D",
          OutputFolder.HALT_AFTER_COMMIT_STEP + "=" + step));
      assertTrue(process.waitFor(5, TimeUnit.MINUTES));
      assertEquals(137, process.exitValue(), log(folder));
      assertSameResult(step == 1 ? oldResult : newResult, readResult(folder),
          "killed after commit step " + step);
    }
  }

  /**
   * A disk that fills up during the run: one line, exit 1, the old result untouched. The old
   * result takes about 12 MB (its report.html 1 MB of it); the sizes leave room for about 1.5, 4.5
   * and 9 MB more, so the disk fills during the split, the prediction neighbours and the ranking
   * neighbours.
   */
  @Test
  void aFullDiskKeepsTheOldResult() throws Exception {
    for (String size : List.of("13m", "16m", "20m")) {
      Path disk = Files.createDirectories(dir.resolve("disk-" + size));
      Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs",
          disk.toString()).redirectErrorStream(true).start();
      String refusal = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean mounted = mount.waitFor() == 0;
      if (!mounted && "true".equals(System.getenv("CI"))) {
        throw new AssertionError("CI=true but a tmpfs cannot be mounted: " + refusal);
      }
      Assumptions.assumeTrue(mounted, "skipped: mounting a tmpfs needs root (" + refusal.strip()
          + "); runs under CI=true");
      try {
        Path folder = oldResultIn(disk.resolve("out"));
        Process process = start(pipeline(folder, NEW_SEED));
        assertTrue(process.waitFor(5, TimeUnit.MINUTES));
        assertEquals(1, process.exitValue(), log(folder));
        List<String> errors = log(folder).lines().filter(l -> l.startsWith("cfmr:")).toList();
        assertEquals(1, errors.size(), log(folder));
        assertFalse(log(folder).contains("\tat "), "no stack trace: " + log(folder));
        assertSameResult(oldResult, readResult(folder), "a full disk (" + size + ")");
      } finally {
        new ProcessBuilder("umount", disk.toString()).start().waitFor();
      }
    }
  }
}
