package org.cfmr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cfmr.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/cfmr} hands the line to {@code hadoop jar <the cfmr jar>} when a {@code hadoop}
 * command is on PATH (here a stand-in that prints its arguments), and runs the jar itself with
 * the bundled libraries when there is none or {@code CFMR_LOCAL} is set; the heap is
 * {@code CFMR_HEAP} or three quarters of the machine's memory.
 */
class LauncherIT {
  private static final Path CFMR = SharedData.projectRoot().resolve("bin/cfmr");

  @TempDir Path dir;

  private String run(Map<String, String> env, String... args) throws Exception {
    return run(0, env, args);
  }

  private String run(int exitCode, Map<String, String> env, String... args) throws Exception {
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().add(CFMR.toString());
    builder.command().addAll(java.util.List.of(args));
    builder.environment().putAll(env);
    builder.redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES));
    String out = Files.readString(dir.resolve("out"), StandardCharsets.UTF_8);
    assertEquals(exitCode, process.exitValue(), out);
    return out;
  }

  private Map<String, String> pathWithStandInHadoop() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path hadoop = bin.resolve("hadoop");
    Files.writeString(hadoop, "#!/bin/sh\necho \"hadoop $*\"\n");
    Files.setPosixFilePermissions(hadoop, PosixFilePermissions.fromString("rwxr-xr-x"));
    return Map.of("PATH", bin + ":" + System.getenv("PATH"));
  }

  /** A JAVA_HOME whose java prints its arguments, one a line. */
  private Map<String, String> standInJava(Map<String, String> more) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> env = new java.util.HashMap<>(more);
    env.put("JAVA_HOME", dir.resolve("jdk").toString());
    env.put("CFMR_LOCAL", "1");
    return env;
  }

  @Test
  void theHeapIsThreeQuartersOfTheMachineUnlessCfmrHeapSaysOtherwise() throws Exception {
    String byDefault = run(standInJava(Map.of()), "--version");
    assertTrue(byDefault.startsWith("-XX:MaxRAMPercentage=75\n"), byDefault);
    String given = run(standInJava(Map.of("CFMR_HEAP", "3g", "CFMR_JAVA_OPTS", "-Xss2m -Dx=1")),
        "--version");
    assertTrue(given.startsWith("-Xmx3g\n-Xss2m\n-Dx=1\n"), given);
    assertTrue(given.endsWith("org.cfmr.cli.Main\n--version\n"), given);
  }

  @Test
  void aHeapThatIsNoSizeIsAUsageError() throws Exception {
    String out = run(2, standInJava(Map.of("CFMR_HEAP", "lots")), "--version");
    assertEquals("cfmr: CFMR_HEAP='lots' is not a heap size such as 12g or 6144m\n", out);
  }

  /**
   * 40 MB of ratings need about 0.45 GB of heap: with a 300 MB heap the pipeline stops before any
   * work with one line naming the file and both sizes, exit 1, and no output folder.
   */
  @Test
  void aPipelineTooBigForTheHeapIsRefusedBeforeAnyWork() throws Exception {
    Path ratings = dir.resolve("ratings.csv");
    try (var out = Files.newBufferedWriter(ratings, StandardCharsets.US_ASCII)) {
      for (int i = 0; i < 2_000_000; i++) {
        out.write((1 + i % 5000) + "," + (1 + i / 5000) + ",4.0,978300760\n");
      }
    }
    Path output = dir.resolve("result");
    String out = run(1, Map.of("CFMR_HEAP", "300m", "CFMR_LOCAL", "1"), "pipeline", "--input",
        ratings.toString(), "--output", output.toString());
    String line = out.strip();
    assertTrue(line.startsWith("cfmr: ") && !line.contains("\n"), line);
    assertTrue(line.contains(ratings.getFileName() + " (" + org.cfmr.core.runtime.StageMeter.bytes(Files.size(ratings))
        + ") for the pipeline needs about 0."), line);
    assertTrue(line.contains("of heap, more than this JVM's 0.3 GB: set CFMR_HEAP=1g or more"),
        line);
    assertTrue(Files.notExists(output), "nothing written");
  }

  @Test
  void onHadoopTheHeapGoesToTheClientOptions() throws Exception {
    Map<String, String> env = new java.util.HashMap<>(pathWithStandInHadoop());
    Path hadoop = dir.resolve("bin/hadoop");
    Files.writeString(hadoop, "#!/bin/sh\necho \"$HADOOP_CLIENT_OPTS\"\n");
    env.put("CFMR_HEAP", "5g");
    String out = run(env, "--version");
    assertTrue(out.contains(" -Xmx5g -Dcfmr.home="), out);
  }

  @Test
  void aHadoopOnPathRunsTheJarWithTheWholeLine() throws Exception {
    String out = run(pathWithStandInHadoop(), "split", "-D", "mapreduce.job.reduces=4",
        "--input", "s3a://bucket/ratings.csv", "--output", "s3a://bucket/split");
    assertTrue(out.matches("hadoop jar \\S+/cli/target/cfmr-[0-9][^ ]*\\.jar split -D "
        + "mapreduce\\.job\\.reduces=4 --input s3a://bucket/ratings\\.csv --output s3a://bucket/split\\n"),
        out);
  }

  @Test
  void withoutHadoopOrWithCfmrLocalTheJarRunsItself() throws Exception {
    Map<String, String> env = new java.util.HashMap<>(pathWithStandInHadoop());
    env.put("CFMR_LOCAL", "1");
    String out = run(env, "--version");
    assertTrue(out.startsWith("cfmr "), out);
  }
}
