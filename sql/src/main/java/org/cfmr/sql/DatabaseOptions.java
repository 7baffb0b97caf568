package org.cfmr.sql;

import java.io.Console;
import java.util.function.Function;
import org.cfmr.core.CfmrException;
import picocli.CommandLine.Option;

/**
 * The database options of every command that connects ({@code load-mysql}, {@code serve},
 * {@code pipeline}): {@code --jdbc-url} and {@code --user}, the password from
 * {@code CFMR_DB_PASSWORD} or a prompt, never from the command line. A command declares them as a
 * picocli argument group of co-occurring options, so that picocli itself enforces "both":
 * {@code @ArgGroup(exclusive = false, multiplicity = "1")} where they are required, and
 * {@code multiplicity = "0..1"} (the field stays null when neither is given) where they are
 * optional; either way a missing one is named in the error.
 */
public final class DatabaseOptions {
  /** The environment variable holding the database password. */
  public static final String PASSWORD_VARIABLE = "CFMR_DB_PASSWORD";

  @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
      description = "The database, jdbc:mysql://HOST:PORT/DATABASE.")
  String jdbcUrl;

  @Option(names = "--user", required = true, paramLabel = "USER",
      description = "The database user.")
  String user;

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String user() {
    return user;
  }

  /**
   * The password from {@code CFMR_DB_PASSWORD} in {@code environment}, else typed at a prompt
   * (not echoed).
   *
   * @throws CfmrException when neither is available
   */
  public String password(Function<String, String> environment) {
    String fromEnvironment = environment.apply(PASSWORD_VARIABLE);
    if (fromEnvironment != null) {
      return fromEnvironment;
    }
    Console console = System.console();
    if (console == null) {
      throw new CfmrException("no database password: set " + PASSWORD_VARIABLE
          + " (there is no terminal to prompt on)");
    }
    char[] typed = console.readPassword("password for %s at %s: ", user,
        UrlPasswords.shown(jdbcUrl));
    if (typed == null) {
      throw new CfmrException("no database password given");
    }
    return new String(typed);
  }
}
