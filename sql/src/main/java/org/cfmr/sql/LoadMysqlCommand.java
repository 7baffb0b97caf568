package org.cfmr.sql;

import java.io.Console;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.runtime.CfmrException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * {@code cfmr load-mysql}: loads a pipeline output folder into MySQL/MariaDB atomically (see
 * {@link MysqlLoader}). The password comes from {@code CFMR_DB_PASSWORD} or a prompt, never from
 * the command line.
 */
@Command(name = "load-mysql", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Load a pipeline's outputs into MySQL atomically.",
        "Validates every file first, fills staging tables with LOAD DATA LOCAL INFILE, then swaps "
            + "them in with one RENAME TABLE: readers see the old data or the new, never a mix. "
            + "The password is read from CFMR_DB_PASSWORD, else prompted for."})
public final class LoadMysqlCommand implements Callable<Integer> {
  /** The environment variable holding the database password. */
  public static final String PASSWORD_VARIABLE = "CFMR_DB_PASSWORD";

  @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
      description = "The database, jdbc:mysql://HOST:PORT/DATABASE (the server needs local_infile=1).")
  String jdbcUrl;

  @Option(names = "--user", required = true, paramLabel = "USER", description = "The database user.")
  String user;

  @Option(names = "--input", defaultValue = "cfmr-out", paramLabel = "FOLDER",
      showDefaultValue = Visibility.ALWAYS,
      description = "The pipeline output folder (any Hadoop file system).")
  String input;

  @Option(names = "--movies", paramLabel = "FILE",
      description = "movies.csv to load (default: the one of the dataset named in run.json, "
          + "else the bundled ml-latest-small).")
  String movies;

  @Option(names = "--links", paramLabel = "FILE",
      description = "links.csv to load (default: the one of the dataset named in run.json, "
          + "else the bundled ml-latest-small).")
  String links;

  /** Where the password comes from; tests replace the environment. */
  Function<String, String> environment = System::getenv;

  @Override
  public Integer call() {
    LoadSettings settings = new LoadSettings(jdbcUrl, user, password(jdbcUrl, user, environment),
        new Path(input), movies == null ? null : new Path(movies),
        links == null ? null : new Path(links));
    System.out.print(MysqlLoader.load(settings).toText());
    return 0;
  }

  /**
   * The password from {@code CFMR_DB_PASSWORD}, else typed at a prompt (not echoed).
   *
   * @throws CfmrException when neither is available
   */
  public static String password(String jdbcUrl, String user, Function<String, String> environment) {
    String fromEnvironment = environment.apply(PASSWORD_VARIABLE);
    if (fromEnvironment != null) {
      return fromEnvironment;
    }
    Console console = System.console();
    if (console == null) {
      throw new CfmrException("no database password: set " + PASSWORD_VARIABLE
          + " (there is no terminal to prompt on)");
    }
    char[] typed = console.readPassword("password for %s at %s: ", user, jdbcUrl);
    if (typed == null) {
      throw new CfmrException("no database password given");
    }
    return new String(typed);
  }
}
