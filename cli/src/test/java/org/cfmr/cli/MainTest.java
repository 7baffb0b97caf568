package org.cfmr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.runtime.HadoopRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

  @AfterEach
  void resetConfiguration() {
    HadoopRuntime.use(new Configuration());
  }

  @Test
  void everyCommandHasHelp() {
    Map<String, CommandLine> commands = Main.commandLine().getSubcommands();
    List<String> names = new ArrayList<>(commands.keySet());
    names.remove("help");
    assertFalse(names.isEmpty());
    for (String name : names) {
      StringWriter out = new StringWriter();
      CommandLine cli = Main.commandLine();
      cli.setOut(new PrintWriter(out));
      assertEquals(0, cli.execute(name, "--help"), name + " --help");
      assertTrue(out.toString().startsWith("Usage: cfmr " + name), out.toString());
    }
  }

  /** A synthetic dataset is a folder load-mysql and serve take: ratings, movies and links. */
  @Test
  void synthWritesTheMoviesAndLinksBesideTheRatings(@TempDir java.nio.file.Path dir)
      throws Exception {
    String ratings = dir.resolve("ratings.csv").toString();
    assertEquals(0, Main.run("synth", "--scale", "0.001", "--output", ratings));
    long movies = Math.round(87_585 * 0.001);
    for (String name : List.of("movies.csv", "links.csv")) {
      List<String> lines = java.nio.file.Files.readAllLines(dir.resolve(name));
      assertEquals(movies + 1, lines.size(), name);
      assertTrue(lines.get(lines.size() - 1).startsWith(movies + ","), name);
    }
    assertEquals(1, Main.run("synth", "--scale", "0.001", "--output", ratings),
        "the files exist and --overwrite was not given");
    assertEquals(2, Main.run("synth", "--output", dir.resolve("movies.csv").toString()));
  }

  /**
   * describe --plot on the bundled dataset writes each chart as SVG and PNG, refuses to replace
   * them without --overwrite, and names a bad line of its input.
   */
  @Test
  void describeDrawsTheDatasetCharts(@TempDir java.nio.file.Path dir) throws Exception {
    String charts = dir.resolve("charts").toString();
    assertEquals(0, Main.run("describe", "--plot", charts));
    List<String> names = List.of("ratings-by-value", "ratings-per-user-and-movie",
        "ratings-per-month", "mean-rating-by-genre", "ratings-against-mean");
    for (String name : names) {
      String svg = java.nio.file.Files.readString(dir.resolve("charts/" + name + ".svg"));
      assertTrue(svg.startsWith("<?xml") && svg.contains("<svg"), name);
      byte[] png = java.nio.file.Files.readAllBytes(dir.resolve("charts/" + name + ".png"));
      assertEquals(0x89, png[0] & 0xff, name + " is a PNG");
    }
    String genres = java.nio.file.Files.readString(dir.resolve("charts/mean-rating-by-genre.svg"));
    assertTrue(genres.contains(">Film-Noir<") && genres.contains(">(no genres listed)<"));
    assertEquals(1, Main.run("describe", "--plot", charts), "charts exist, no --overwrite");
    assertEquals(0, Main.run("describe", "--plot", charts, "--overwrite"));
    java.nio.file.Path bad = dir.resolve("bad.csv");
    java.nio.file.Files.writeString(bad, "userId,movieId,rating,timestamp\n1,2,x,3\n");
    assertEquals(1, Main.run("describe", "--input", bad.toString()));
  }

  @Test
  void versionNamesHadoopAndJava() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("--version"));
    assertTrue(out.toString().matches("(?s)cfmr \\S+ \\(Hadoop 3\\.\\d+\\.\\d+, Java .*"), out.toString());
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(new StringWriter()));
    assertEquals(2, cli.execute("no-such-command"));
  }

  @Test
  void genericOptionsReachTheConfiguration() {
    assertEquals(0, Main.run("-D", "cfmr.test.key=42", "--version"));
    assertEquals("42", HadoopRuntime.configuration().get("cfmr.test.key"));
    assertEquals("50", HadoopRuntime.configuration().get("mapreduce.client.completion.pollinterval"),
        "local runs poll quickly");
  }

  @Test
  void aClusterConfigurationKeepsHadoopsPollInterval() {
    assertEquals(0, Main.run("-D", "mapreduce.framework.name=yarn", "--version"));
    assertFalse("50".equals(
        HadoopRuntime.configuration().get("mapreduce.client.completion.pollinterval")));
  }
}
