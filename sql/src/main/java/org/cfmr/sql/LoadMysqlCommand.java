package org.cfmr.sql;

import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * {@code cfmr load-mysql}: loads a pipeline output folder into MySQL/MariaDB atomically (see
 * {@link MysqlLoader}). The connection comes from {@link DatabaseOptions}.
 */
@Command(name = "load-mysql", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Load a pipeline's outputs into MySQL atomically.",
        "Validates every file first, fills staging tables with LOAD DATA LOCAL INFILE (the "
            + "server needs local_infile=1), then swaps them in with one RENAME TABLE: readers see "
            + "the old data or the new, never a mix. The password is read from CFMR_DB_PASSWORD, else prompted for."})
public final class LoadMysqlCommand implements Callable<Integer> {
  @ArgGroup(exclusive = false, multiplicity = "1")
  DatabaseOptions database;

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
    LoadSettings settings = new LoadSettings(database.jdbcUrl(), database.user(),
        database.password(environment), new Path(input), movies == null ? null : new Path(movies),
        links == null ? null : new Path(links));
    System.out.print(MysqlLoader.load(settings).toText());
    return 0;
  }
}
