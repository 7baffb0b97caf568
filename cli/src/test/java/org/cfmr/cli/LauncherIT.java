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
 * the bundled libraries when there is none or {@code CFMR_LOCAL} is set.
 */
class LauncherIT {
  private static final Path CFMR = SharedData.projectRoot().resolve("bin/cfmr");

  @TempDir Path dir;

  private String run(Map<String, String> env, String... args) throws Exception {
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().add(CFMR.toString());
    builder.command().addAll(java.util.List.of(args));
    builder.environment().putAll(env);
    builder.redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES));
    String out = Files.readString(dir.resolve("out"), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), out);
    return out;
  }

  private Map<String, String> pathWithStandInHadoop() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path hadoop = bin.resolve("hadoop");
    Files.writeString(hadoop, "#!/bin/sh\necho \"hadoop $*\"\n");
    Files.setPosixFilePermissions(hadoop, PosixFilePermissions.fromString("rwxr-xr-x"));
    return Map.of("PATH", bin + ":" + System.getenv("PATH"));
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
