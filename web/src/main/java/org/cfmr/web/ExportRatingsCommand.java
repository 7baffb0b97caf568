package org.cfmr.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.sql.Database;
import org.cfmr.sql.DatabaseOptions;
import org.cfmr.sql.UrlPasswords;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cfmr export-ratings}: see {@link RatingsExport}. */
@Command(name = "export-ratings", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Write a dataset with the ratings given on the dashboard merged in, for the "
        + "next cfmr pipeline run.",
        "A MovieLens user's dashboard rating of a movie replaces their dataset rating of it; each "
            + "new user gets a user id after the highest one. movies.csv and links.csv are copied "
            + "beside the ratings. The password is read from CFMR_DB_PASSWORD, else prompted for.",
        "Example: cfmr export-ratings --jdbc-url jdbc:mysql://127.0.0.1:3306/cfmr --user cfmr "
            + "--input data/ml-latest-small --output next/ratings.csv"})
public final class ExportRatingsCommand implements Callable<Integer> {
  @ArgGroup(exclusive = false, multiplicity = "1")
  DatabaseOptions database;

  @Option(names = "--input", required = true, paramLabel = "DATASET",
      description = "The dataset the loaded run was computed from: its ratings file or folder.")
  String input;

  @Option(names = "--output", required = true, paramLabel = "FILE",
      description = "Where to write the merged ratings.csv (movies.csv and links.csv beside it).")
  String output;

  @Option(names = "--overwrite", description = "Replace existing output files.")
  boolean overwrite;

  /** Where the password comes from; tests replace the environment. */
  Function<String, String> environment = System::getenv;

  @Override
  public Integer call() throws Exception {
    try (Connection connection = Database.connect(database.jdbcUrl(), database.user(),
        database.password(environment))) {
      System.out.println(RatingsExport.export(new Path(input), new Path(output), overwrite,
          connection, HadoopRuntime.configuration()).toLine());
      return 0;
    } catch (SQLException e) {
      throw new CfmrException(UrlPasswords.hide("reading the dashboard's ratings from "
          + database.jdbcUrl() + " failed: " + Database.firstLine(e.getMessage()),
          database.jdbcUrl()), e);
    }
  }
}
