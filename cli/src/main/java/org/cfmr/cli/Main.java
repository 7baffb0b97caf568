package org.cfmr.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.GenericOptionsParser;
import org.cfmr.als.AlsCommand;
import org.cfmr.core.runtime.ErrorMessages;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.UsageException;
import org.cfmr.eval.EvaluateCommand;
import org.cfmr.eval.RecommendCommand;
import org.cfmr.eval.SweepCommand;
import org.cfmr.mapreduce.NeighboursCommand;
import org.cfmr.preprocess.SplitCommand;
import org.cfmr.preprocess.synth.SynthCommand;
import org.cfmr.report.DescribeCommand;
import org.cfmr.sql.LoadMysqlCommand;
import org.cfmr.web.ExportRatingsCommand;
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
        ExportRatingsCommand.class,
        SynthCommand.class,
        DescribeCommand.class,
    },
    footer = {"", "Hadoop generic options (-D key=value, -conf FILE, -fs URI, -files, -libjars, "
        + "-archives) may be given with any command.",
        "Set CFMR_DEBUG=1 to see stack traces."})
public final class Main implements Callable<Integer> {

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
    cli.setExecutionStrategy(Main::runRaisingFileSystemErrors);
    cli.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      err.println("cfmr: " + ErrorMessages.of(error));
      if (System.getenv("CFMR_DEBUG") != null) {
        error.printStackTrace(err);
      }
      err.flush();
      return ErrorMessages.userError(error) instanceof UsageException
          ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.SOFTWARE;
    });
    Version version = new Version();
    cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
    return cli;
  }

  /**
   * Runs the command, passing Hadoop's {@link FSError} (an {@code Error} that the local file system
   * throws for a failed write, e.g. a full disk) to the exception handler as picocli does with
   * exceptions, so that it too is one line rather than a stack trace.
   */
  private static int runRaisingFileSystemErrors(CommandLine.ParseResult parseResult) {
    try {
      return new CommandLine.RunLast().execute(parseResult);
    } catch (FSError e) {
      throw new CommandLine.ExecutionException(parseResult.commandSpec().commandLine(),
          ErrorMessages.of(e), e);
    }
  }

  /** {@code cfmr} without a command: the usage, as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
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
