package org.cfmr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's two commands, as written: the first block of the README holds exactly the build
 * command and the test command, {@code .ci/run} runs exactly the test command, and the main job
 * ({@code bin/cfmr pipeline}, run here after Maven packaged the jar, from another folder) writes
 * every result into {@code cfmr-out/}. An integration test: it needs the packaged jar.
 */
class ReadmeCommandsIT {
  private static final Path ROOT = SharedData.projectRoot();
  private static final String BUILD_AND_RUN = "mvn -q -DskipTests package && bin/cfmr pipeline";
  private static final String TEST = "mvn -B verify";

  @TempDir Path dir;

  private static List<String> firstCodeBlock() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    int start = lines.indexOf("```bash") + 1;
    int end = lines.subList(start, lines.size()).indexOf("```") + start;
    return lines.subList(start, end).stream()
        .map(line -> line.replaceAll("\\s+#.*$", "").strip()).toList();
  }

  @Test
  void theReadmeOpensWithTheTwoCommandsAndCiRunsTheSecond() throws IOException {
    assertEquals(List.of(BUILD_AND_RUN, TEST), firstCodeBlock());
    List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    assertEquals(TEST, ci.get(ci.size() - 1), ".ci/run ends with the README's test command");
  }

  @Test
  void theMainJobRunsAsWrittenAndWritesEveryResult() throws Exception {
    String mainJob = BUILD_AND_RUN.substring(BUILD_AND_RUN.indexOf("&& ") + 3);
    Process process = new ProcessBuilder("bash", "-c", ROOT + "/" + mainJob)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("log").toFile())
        .start();
    assertTrue(process.waitFor(10, TimeUnit.MINUTES), "pipeline still running after 10 min");
    String log = Files.readString(dir.resolve("log"), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), log);
    for (String name : List.of(PipelineFiles.TRAIN, PipelineFiles.TEST,
        PipelineFiles.USER_NEIGHBOURS, PipelineFiles.ITEM_NEIGHBOURS,
        PipelineFiles.USER_BASED_RECOMMENDATIONS, PipelineFiles.ITEM_BASED_RECOMMENDATIONS,
        PipelineFiles.METRICS, PipelineFiles.REPORT, PipelineFiles.RUN)) {
      assertTrue(Files.size(dir.resolve("cfmr-out").resolve(name)) > 0, name + "\n" + log);
    }
    assertTrue(log.contains("nDCG@10"), "the run ends with the metrics table\n" + log);
  }
}
