package org.cfmr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution built on JDK 17 runs on JDK 25 (Hadoop 3.4.3 is the first 3.4 release that
 * does: earlier ones fail with "getSubject is not supported"): {@code bin/cfmr split} and the
 * MapReduce chain for users, under {@code JAVA_HOME} set to a JDK 25, write the same bytes as
 * under the build's JDK. The JDK 25 is {@code CFMR_JDK25_HOME} or the first
 * {@code /usr/lib/jvm/*25*}; without one the test is skipped and says so. An integration test:
 * it needs the packaged jar.
 */
class NewerJdkIT {
  private static final Path ROOT = SharedData.projectRoot();

  @TempDir Path dir;

  @Test
  void splitAndTheChainWriteTheSameFilesOnJdk25() throws Exception {
    Optional<Path> jdk25 = jdk25();
    assumeTrue(jdk25.isPresent(),
        "no JDK 25 here (set CFMR_JDK25_HOME or install one under /usr/lib/jvm)");
    Path underBuildJdk = runBoth(dir.resolve("jdk17"), System.getProperty("java.home"));
    Path underJdk25 = runBoth(dir.resolve("jdk25"), jdk25.get().toString());
    assertTrue(Files.readString(underJdk25.resolve("../--version.log")).contains("Java 25"),
        "bin/cfmr ran on the JDK of JAVA_HOME");
    for (String name : List.of(PipelineFiles.TRAIN, PipelineFiles.TEST,
        PipelineFiles.USER_NEIGHBOURS)) {
      byte[] expected = Files.readAllBytes(underBuildJdk.resolve(name));
      assertTrue(expected.length > 0, name);
      assertArrayEquals(expected, Files.readAllBytes(underJdk25.resolve(name)), name);
    }
  }

  /** Runs split and the user–user chain under the JDK at {@code javaHome}; their folder. */
  private static Path runBoth(Path folder, String javaHome) throws Exception {
    Files.createDirectories(folder);
    run(folder, javaHome, "--version");
    run(folder, javaHome, "split", "--output", "out");
    run(folder, javaHome, "neighbours", "--train", "out/" + PipelineFiles.TRAIN,
        "--output", "out", "--engine", "mapreduce", "--mode", "user", "--overwrite");
    return folder.resolve("out");
  }

  private static void run(Path folder, String javaHome, String... arguments) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Stream.concat(
        Stream.of(ROOT.resolve("bin/cfmr").toString()), Stream.of(arguments)).toList())
        .directory(folder.toFile())
        .redirectErrorStream(true)
        .redirectOutput(folder.resolve(arguments[0] + ".log").toFile());
    builder.environment().put("JAVA_HOME", javaHome);
    builder.environment().put("CFMR_LOCAL", "1");
    Process process = builder.start();
    assertTrue(process.waitFor(10, TimeUnit.MINUTES), arguments[0] + " still running");
    String log = Files.readString(folder.resolve(arguments[0] + ".log"), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), javaHome + ": " + log);
  }

  private static Optional<Path> jdk25() throws IOException {
    String given = System.getenv("CFMR_JDK25_HOME");
    if (given != null && !given.isBlank()) {
      return Optional.of(Path.of(given));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes.filter(home -> home.getFileName().toString().matches(".*-25([.-].*)?"))
          .filter(home -> Files.isExecutable(home.resolve("bin/java")))
          .sorted().findFirst();
    }
  }
}
