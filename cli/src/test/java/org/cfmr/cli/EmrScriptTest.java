package org.cfmr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cfmr.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** emr/cfmr-emr against a stand-in aws command (emr/test/bin/aws) that records every call. */
class EmrScriptTest {
  private static final Path EMR = SharedData.projectRoot().resolve("emr");

  @TempDir Path dir;

  record Result(int exit, String stderr, List<String> calls) {
    boolean called(String prefix) {
      return calls.stream().anyMatch(c -> c.startsWith(prefix));
    }

    String call(String prefix) {
      return calls.stream().filter(c -> c.startsWith(prefix)).findFirst().orElseThrow(
          () -> new AssertionError("no call " + prefix + " in " + calls));
    }
  }

  private Result emr(Map<String, String> env, String... args) throws Exception {
    Path ratings = dir.resolve("ratings.csv");
    Files.writeString(ratings, "userId,movieId,rating,timestamp\n1,1,4.0,1\n");
    Path jar = dir.resolve("cfmr-0.1.0.jar");
    Files.writeString(jar, "jar");
    Path log = dir.resolve("aws.log");
    Files.deleteIfExists(log);
    Files.createFile(log);
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().add(EMR.resolve("cfmr-emr").toString());
    for (String arg : args) {
      builder.command().add(arg.replace("RATINGS", ratings.toString()).replace("JAR", jar.toString())
          .replace("OUT", dir.resolve("out").toString()));
    }
    builder.environment().put("PATH", EMR.resolve("test/bin") + ":" + System.getenv("PATH"));
    builder.environment().put("FAKE_AWS_LOG", log.toString());
    builder.environment().put("CFMR_EMR_POLL_SECONDS", "0");
    builder.environment().remove("AWS_REGION");
    builder.environment().remove("AWS_DEFAULT_REGION");
    builder.environment().putAll(env);
    builder.redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return new Result(process.exitValue(),
        Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8),
        Files.readAllLines(log).stream().map(l -> l.replace('\t', ' ')).toList());
  }

  @Test
  void runUploadsCreatesAddsTheChainWaitsFetchesAndTerminates() throws Exception {
    Result r = emr(Map.of(), "run", "--s3", "s3://bucket/ml32m/", "--ratings", "RATINGS",
        "--jar", "JAR", "--to", "OUT", "--core-count", "6", "--reducers", "24",
        "--max-pivot-ratings", "5000");
    assertEquals(0, r.exit(), r.stderr());
    assertTrue(r.call("s3 cp --only-show-errors " + dir.resolve("cfmr-0.1.0.jar"))
        .endsWith(" s3://bucket/ml32m/jar/cfmr.jar"));
    assertTrue(r.call("s3 cp --only-show-errors " + dir.resolve("ratings.csv"))
        .endsWith(" s3://bucket/ml32m/input/ratings.csv"));

    String create = r.call("emr create-cluster");
    assertTrue(create.contains("--release-label emr-7.12.0"), create);
    assertTrue(create.contains("--log-uri s3://bucket/ml32m/logs/"), create);
    assertTrue(create.contains("--auto-termination-policy IdleTimeout=3600"), create);
    assertTrue(create.contains("--configurations file://" + EMR.resolve("configurations.json")), create);
    assertTrue(create.contains("InstanceGroupType=CORE,InstanceCount=6,InstanceType=r5.2xlarge"), create);

    String steps = r.call("emr add-steps --cluster-id j-TESTCLUSTER --steps ");
    assertTrue(steps.contains("{\"Type\":\"CUSTOM_JAR\",\"Name\":\"cfmr split\","
        + "\"ActionOnFailure\":\"CANCEL_AND_WAIT\",\"Jar\":\"s3://bucket/ml32m/jar/cfmr.jar\","
        + "\"Args\":[\"split\",\"--input\",\"s3://bucket/ml32m/input/ratings.csv\","
        + "\"--output\",\"s3://bucket/ml32m/result\",\"--overwrite\"]}"), steps);
    assertTrue(steps.contains("\"Args\":[\"neighbours\",\"--mode\",\"user\",\"--train\","
        + "\"s3://bucket/ml32m/result/ratings_train.csv\",\"--output\",\"s3://bucket/ml32m/result\","
        + "\"--engine\",\"mapreduce\",\"--similarity\",\"pearson\",\"--reducers\",\"24\",\"--overwrite\","
        + "\"--max-pivot-ratings\",\"5000\"]"), steps);
    assertTrue(steps.contains("\"--mode\",\"item\""), steps);
    assertTrue(steps.contains("\"Name\":\"cfmr ranking neighbours item\""), steps);
    assertTrue(steps.contains("\"Args\":[\"neighbours\",\"--mode\",\"item\",\"--for-ranking\","
        + "\"--train\",\"s3://bucket/ml32m/result/ratings_train.csv\",\"--output\","
        + "\"s3://bucket/ml32m/result\""), steps);

    for (String step : List.of("s-SPLIT", "s-USER", "s-ITEM", "s-USER-RANKING",
        "s-ITEM-RANKING")) {
      assertEquals(2, r.calls().stream().filter(c -> c.equals("emr describe-step --cluster-id "
          + "j-TESTCLUSTER --step-id " + step + " --query Step.Status.State --output text")).count(),
          "polled while RUNNING, then COMPLETED: " + r.calls());
    }
    assertTrue(r.called("s3 cp --only-show-errors --recursive --exclude _cfmr-staging-* "
        + "s3://bucket/ml32m/result " + dir.resolve("out")), r.calls().toString());
    assertEquals("emr terminate-clusters --cluster-ids j-TESTCLUSTER", r.calls().get(r.calls().size() - 1));
  }

  @Test
  void aFailedStepIsReportedWithItsReasonAndTheNewClusterIsTerminated() throws Exception {
    Result r = emr(Map.of("FAKE_AWS_FAIL", "step"), "run", "--s3", "s3://bucket/p",
        "--ratings", "RATINGS", "--jar", "JAR", "--to", "OUT");
    assertEquals(1, r.exit());
    assertTrue(r.stderr().contains("step s-USER ended FAILED: java.lang.OutOfMemoryError: Java heap space"
        + " (logs: s3://bucket/p/logs/j-TESTCLUSTER/steps/s-USER/)"), r.stderr());
    assertFalse(r.called("s3 cp --only-show-errors --recursive"), "nothing fetched");
    assertTrue(r.called("emr terminate-clusters --cluster-ids j-TESTCLUSTER"));
  }

  @Test
  void aClusterThatCannotStartIsReportedWithEmrsReason() throws Exception {
    Result r = emr(Map.of("FAKE_AWS_FAIL", "cluster"), "run", "--s3", "s3://bucket/p",
        "--ratings", "RATINGS", "--jar", "JAR", "--to", "OUT");
    assertEquals(1, r.exit());
    assertTrue(r.stderr().contains("step s-SPLIT ended CANCELLED: cluster: Terminated with errors: The "
        + "requested instance type r5.2xlarge is not supported"), r.stderr());
    assertTrue(r.called("emr terminate-clusters --cluster-ids j-TESTCLUSTER"));
  }

  @Test
  void everyStepIsACommandLineTheJarAccepts() throws Exception {
    Result r = emr(Map.of(), "steps", "--s3", "s3://bucket/p", "--cluster", "j-EXISTING",
        "--ratings", "RATINGS", "--max-pivot-ratings", "1000");
    assertEquals(0, r.exit(), r.stderr());
    String call = r.call("emr add-steps");
    JsonNode steps = new ObjectMapper().readTree(call.substring(call.indexOf("--steps ") + 8,
        call.indexOf(" --query")));
    assertEquals(5, steps.size());
    for (JsonNode step : steps) {
      assertEquals("CANCEL_AND_WAIT", step.get("ActionOnFailure").asText());
      List<String> args = new ArrayList<>();
      step.get("Args").forEach(arg -> args.add(arg.asText()));
      CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args.toArray(String[]::new));
      assertTrue(parsed.hasSubcommand(), args.toString());
      assertTrue(parsed.subcommand().unmatched().isEmpty(), args.toString());
    }
  }

  @Test
  void aMissingBucketStopsBeforeAnythingIsUploadedOrStarted() throws Exception {
    Result r = emr(Map.of("FAKE_AWS_FAIL", "head-bucket"), "run", "--s3", "s3://nobucket/p",
        "--ratings", "RATINGS", "--jar", "JAR", "--to", "OUT");
    assertEquals(1, r.exit());
    assertEquals("cfmr-emr: bucket 'nobucket' does not exist or is not accessible with these credentials\n",
        r.stderr());
    assertFalse(r.called("s3 cp"));
    assertFalse(r.called("emr"));
  }

  @Test
  void missingCredentialsAreOneClearLine() throws Exception {
    Result r = emr(Map.of("FAKE_AWS_FAIL", "credentials"), "create", "--s3", "s3://bucket/p");
    assertEquals(1, r.exit());
    assertEquals("cfmr-emr: no usable AWS credentials (configure a profile, AWS_* variables or an "
        + "instance role)\n", r.stderr());
  }

  @Test
  void stepsCanBeAddedToAnExistingClusterAndWaitedFor() throws Exception {
    Result r = emr(Map.of(), "steps", "--s3", "s3://bucket/p", "--cluster", "j-EXISTING",
        "--ratings", "RATINGS", "--region", "eu-west-1");
    assertEquals(0, r.exit(), r.stderr());
    assertTrue(r.called("--region eu-west-1 emr add-steps --cluster-id j-EXISTING"));
    assertEquals("s-SPLIT,s-USER,s-ITEM,s-USER-RANKING,s-ITEM-RANKING\n",
        Files.readString(dir.resolve("stdout")));
  }

  @Test
  void theScriptsAreShellcheckClean() throws IOException, InterruptedException {
    boolean present = new ProcessBuilder("sh", "-c", "command -v shellcheck").start().waitFor() == 0;
    if (!"true".equals(System.getenv("CI"))) {
      assumeTrue(present, "skipped: shellcheck is not installed (.ci/run installs it)");
    }
    Process check = new ProcessBuilder("shellcheck", EMR.resolve("cfmr-emr").toString(),
        EMR.resolve("test/bin/aws").toString(), SharedData.projectRoot().resolve("bin/cfmr").toString(),
        SharedData.projectRoot().resolve(".ci/run").toString())
        .redirectErrorStream(true).start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, check.waitFor(), output);
  }
}
