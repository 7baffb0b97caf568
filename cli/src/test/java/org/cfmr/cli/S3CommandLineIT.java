package org.cfmr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.runtime.ResultManifest;
import org.cfmr.core.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code hadoop jar cfmr.jar}, the way a cluster runs it: the packaged jar through Hadoop's
 * {@code RunJar} with {@code cli/target/lib} as the Hadoop installation, the chain's command line
 * ({@link ChainCommandLine}) with {@code s3a://} paths against a local S3-compatible server
 * (s3proxy, its own process on 127.0.0.1, in-memory storage). Both engines write the same bytes as
 * the same line on {@code file://}, and the output folders on S3 receive only the result files:
 * the chain, stopped after phase 2 and resumed, keeps its intermediates on the default file
 * system (local disk here). The endpoint comes as {@code -D} generic options, the
 * credentials from a {@code -conf} file (SimpleAWSCredentialsProvider); the secret key never
 * appears in what the commands print, even with Hadoop's INFO logging on.
 */
class S3CommandLineIT {
  private static final Path ROOT = SharedData.projectRoot();
  private static final String ACCESS_KEY = "cfmr-test-access";
  private static final String SECRET_KEY = "cfmr-secret-" + UUID.randomUUID();
  private static final String BUCKET = "cfmr-test";

  private static Process s3proxy;
  private static int port;

  @TempDir Path dir;

  @BeforeAll
  static void startS3Proxy(@TempDir Path proxyDir) throws Exception {
    Path jar = ROOT.resolve("cli/target/s3proxy/s3proxy.jar");
    assertTrue(Files.isRegularFile(jar), "no " + jar + " (maven-dependency-plugin copies it)");
    port = freePort();
    Path properties = proxyDir.resolve("s3proxy.properties");
    Files.writeString(properties, String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        "jclouds.provider=transient",
        "jclouds.identity=unused",
        "jclouds.credential=unused", ""));
    s3proxy = new ProcessBuilder(java(), "-Xmx512m", "-jar", jar.toString(),
        "--properties", properties.toString())
        .redirectErrorStream(true).redirectOutput(proxyDir.resolve("s3proxy.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!listening(port)) {
      assertTrue(s3proxy.isAlive(), "s3proxy exited: " + Files.readString(proxyDir.resolve("s3proxy.log")));
      assertTrue(System.nanoTime() < deadline, "s3proxy did not start within 60 s");
      Thread.sleep(200);
    }
    try (S3Client s3 = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))).build()) {
      s3.createBucket(b -> b.bucket(BUCKET));
    }
  }

  @AfterAll
  static void stopS3Proxy() throws InterruptedException {
    if (s3proxy != null) {
      s3proxy.destroy();
      if (!s3proxy.waitFor(10, TimeUnit.SECONDS)) {
        s3proxy.destroyForcibly();
      }
    }
  }

  @Test
  void theSameCommandLineOnS3WritesTheLocalFilesAndKeepsTheSecret() throws Exception {
    ChainCommandLine local = new ChainCommandLine(HdfsCommandLineTest.uri(dir.resolve("local")),
        List.of("-D", "mapreduce.task.io.sort.mb=16"));
    local.uploadInput(dir, new Configuration());
    hadoopJar(local.split());
    hadoopJar(local.neighbours("mapreduce"));
    Map<String, byte[]> expected = local.results("mapreduce", new Configuration());

    Path credentials = dir.resolve("s3-credentials.xml");
    Configuration secrets = new Configuration(false);
    secrets.set("fs.s3a.aws.credentials.provider",
        "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    secrets.set("fs.s3a.access.key", ACCESS_KEY);
    secrets.set("fs.s3a.secret.key", SECRET_KEY);
    try (OutputStream out = Files.newOutputStream(credentials)) {
      secrets.writeXml(out);
    }
    List<String> generic = new ArrayList<>(List.of("-conf", credentials.toString()));
    endpoint().forEach((key, value) -> generic.addAll(List.of("-D", key + "=" + value)));
    generic.addAll(List.of("-D", "mapreduce.task.io.sort.mb=16"));
    Path hadoopTmp = dir.resolve("hadoop-tmp");
    generic.addAll(List.of("-D", "hadoop.tmp.dir=" + hadoopTmp));
    ChainCommandLine s3 = new ChainCommandLine("s3a://" + BUCKET + "/run", generic);
    Configuration client = s3Client(secrets);
    s3.uploadInput(dir.resolve("local"), client);

    String output = hadoopJar(s3.split());
    assertEquals(List.of(ResultManifest.NAME, PipelineFiles.TEST, PipelineFiles.TRAIN),
        s3.splitFolderListing(client), "only the split's files once it has run");
    output += hadoopJar(s3.neighbours("mapreduce", "--end-phase", "2"));
    assertEquals(List.of(), s3.neighboursFolderListing("mapreduce", client),
        "no intermediates on S3");
    Path work = onlyEntry(hadoopTmp.resolve("cfmr-work"));
    assertTrue(work.getFileName().toString().startsWith("neighbours-mapreduce-"), work.toString());
    assertTrue(Files.exists(work.resolve("user/2-pair-statistics/_SUCCESS")),
        "the intermediates are on the default file system (local disk)");
    output += hadoopJar(s3.neighbours("mapreduce", "--resume"))
        + hadoopJar(s3.neighbours("memory"));
    for (String engine : List.of("mapreduce", "memory")) {
      HdfsCommandLineTest.assertSameFiles(expected, s3.results(engine, client));
      assertEquals(s3.neighboursFolderExpected(),
          s3.neighboursFolderListing(engine, client), "only the results in the output");
    }
    assertEquals(List.of(ResultManifest.NAME, PipelineFiles.TEST, PipelineFiles.TRAIN),
        s3.splitFolderListing(client),
        "only the split's files once the neighbours have read them");
    assertFalse(Files.exists(work), "the work folder is removed once the files are written");
    assertTrue(output.contains("s3a://" + BUCKET + "/run/neighbours-mapreduce/"), output);
    assertTrue(output.contains("INFO S3AFileSystem") || output.contains("INFO Job"),
        "Hadoop's INFO logging was on");
    assertFalse(output.contains(SECRET_KEY), "the secret key was printed");
  }

  /** The one file or folder in {@code folder}. */
  private static Path onlyEntry(Path folder) throws IOException {
    try (var entries = Files.list(folder)) {
      List<Path> all = entries.toList();
      assertEquals(1, all.size(), all.toString());
      return all.get(0);
    }
  }

  /** s3a's settings for the local server, given on the command line as -D options. */
  private static Map<String, String> endpoint() {
    return Map.of("fs.s3a.endpoint", "http://127.0.0.1:" + port,
        "fs.s3a.endpoint.region", "us-east-1",
        "fs.s3a.path.style.access", "true",
        "fs.s3a.connection.ssl.enabled", "false");
  }

  private static Configuration s3Client(Configuration secrets) {
    Configuration conf = new Configuration();
    conf.addResource(secrets);
    endpoint().forEach(conf::set);
    return conf;
  }

  /**
   * {@code hadoop jar cfmr-<version>.jar args}: RunJar with lib/ on the class path, every logger
   * at INFO; fails the test unless it exits 0. Returns everything it printed.
   */
  private String hadoopJar(String... args) throws IOException, InterruptedException {
    Path log4j = dir.resolve("log4j-info.properties");
    Files.writeString(log4j, String.join("\n", "log4j.rootLogger=INFO,console",
        "log4j.appender.console=org.apache.log4j.ConsoleAppender",
        "log4j.appender.console.target=System.err",
        "log4j.appender.console.layout=org.apache.log4j.PatternLayout",
        "log4j.appender.console.layout.ConversionPattern=%p %c{1}: %m%n", ""));
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g",
        "-Dlog4j.configuration=" + log4j.toUri(), "-cp", ROOT.resolve("cli/target/lib") + "/*",
        "org.apache.hadoop.util.RunJar", distributionJar().toString()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(dir, "hadoop-jar", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "still running after 5 min: " + command);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + output);
    return output;
  }

  private static Path distributionJar() throws IOException {
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(ROOT.resolve("cli/target"),
        "cfmr-[0-9]*.jar")) {
      for (Path jar : jars) {
        return jar;
      }
    }
    throw new AssertionError("no cli/target/cfmr-<version>.jar: run mvn package first");
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
