package org.cfmr.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.GenericOptionsParser;
import org.cfmr.als.AlsCommand;
import org.cfmr.core.runtime.CfmrException;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.eval.EvaluateCommand;
import org.cfmr.eval.RecommendCommand;
import org.cfmr.eval.SweepCommand;
import org.cfmr.mapreduce.NeighboursCommand;
import org.cfmr.preprocess.SplitCommand;
import org.cfmr.preprocess.synth.SynthCommand;
import org.cfmr.sql.LoadMysqlCommand;
import org.cfmr.web.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/cfmr <command>} and {@code hadoop jar cfmr.jar <command>}: Hadoop's generic options
 * ({@code -D k=v}, {@code -conf}, {@code -fs}, {@code -files}, {@code -libjars}, ...) are taken
 * from anywhere on the line into the job configuration; the rest goes to the command.
 */
@Command(
    name = "cfmr",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Neighbourhood collaborative filtering on Hadoop MapReduce.",
    subcommands = {
        CommandLine.HelpCommand.class,
        PipelineCommand.class,
        SplitCommand.class,
        NeighboursCommand.class,
        AlsCommand.class,
        EvaluateCommand.class,
        RecommendCommand.class,
        SweepCommand.class,
        LoadMysqlCommand.class,
        ServeCommand.class,
        SynthCommand.class,
    },
    footer = {"", "Hadoop generic options (-D key=value, -conf FILE, -fs URI, -files, -libjars, "
        + "-archives) may be given with any command.",
        "Set CFMR_DEBUG=1 to see stack traces."})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs {@code cfmr args} and returns the exit code. */
  public static int run(String... args) {
    GenericArguments arguments = GenericArguments.extract(args);
    try {
      Configuration conf = new Configuration();
      new GenericOptionsParser(conf, arguments.generic());
      HadoopRuntime.use(conf);
    } catch (IOException | RuntimeException e) {
      System.err.println("cfmr: bad Hadoop generic option: " + e.getMessage());
      return 2;
    }
    withoutChecksumFilesOnLocalDisk();
    return commandLine().execute(arguments.rest());
  }

  /**
   * Results on local disk are read by people and other tools: no hidden {@code .crc} file beside
   * each of them (HDFS and S3 keep checksums of their own). The local file system is one cached
   * instance per process, so this covers every write of the command, its local jobs' included.
   */
  private static void withoutChecksumFilesOnLocalDisk() {
    try {
      FileSystem.getLocal(HadoopRuntime.configuration()).setWriteChecksum(false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (error instanceof CfmrException || error instanceof IllegalArgumentException) {
        err.println("cfmr: " + error.getMessage());
      } else {
        err.println("cfmr: unexpected error: " + error);
      }
      if (System.getenv("CFMR_DEBUG") != null) {
        error.printStackTrace(err);
      }
      err.flush();
      return 1;
    });
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** cfmr's version, from the build. */
  static String version() {
    Properties properties = new Properties();
    try (InputStream in = Main.class.getResourceAsStream("/cfmr-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }

  /** {@code --version}: cfmr's, Hadoop's and Java's. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"cfmr " + version() + " (Hadoop "
          + org.apache.hadoop.util.VersionInfo.getVersion() + ", Java "
          + System.getProperty("java.version") + ")"};
    }
  }
}
