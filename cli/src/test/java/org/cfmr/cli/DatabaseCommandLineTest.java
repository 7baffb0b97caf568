package org.cfmr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.cfmr.sql.DatabaseOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The database options ({@link DatabaseOptions}) as {@code cfmr pipeline} and {@code cfmr serve}
 * take them: optional for the pipeline but both or neither, required for serve, documented in
 * both helps. (load-mysql's are in the sql module's LoadMysqlCommandTest.)
 */
class DatabaseCommandLineTest {
  @Test
  void thePipelineLoadsNothingWithoutTheDatabaseOptions() {
    assertNull(parsedPipeline("--top-n", "5").database);
  }

  @Test
  void thePipelineTakesBothDatabaseOptions() {
    DatabaseOptions database =
        parsedPipeline("--user", "u", "--jdbc-url", "jdbc:mysql://h/db").database;
    assertEquals("jdbc:mysql://h/db", database.jdbcUrl());
    assertEquals("u", database.user());
  }

  @Test
  void thePipelineRefusesOneDatabaseOptionWithoutTheOtherAndNamesTheMissingOne() {
    assertEquals("Error: Missing required argument(s): --user=USER",
        usageError("pipeline", "--jdbc-url", "jdbc:mysql://h/db"));
    assertEquals("Error: Missing required argument(s): --jdbc-url=URL",
        usageError("pipeline", "--user", "u"));
  }

  @Test
  void serveRequiresBothDatabaseOptions() {
    assertEquals("Error: Missing required argument(s): --user=USER",
        usageError("serve", "--jdbc-url", "jdbc:mysql://h/db"));
    assertEquals("Error: Missing required argument(s): --jdbc-url=URL",
        usageError("serve", "--user", "u"));
    assertEquals("Error: Missing required argument(s): (--jdbc-url=URL --user=USER)",
        usageError("serve"));
  }

  @Test
  void bothHelpsDocumentTheDatabaseOptions() {
    for (String command : new String[] {"pipeline", "serve"}) {
      StringWriter out = new StringWriter();
      CommandLine cli = Main.commandLine();
      cli.setOut(new PrintWriter(out));
      assertEquals(0, cli.execute(command, "--help"));
      String help = out.toString();
      for (String text : new String[] {"--jdbc-url=URL", "jdbc:mysql://HOST:PORT/DATABASE",
          "--user=USER", "The database user.", "CFMR_DB_PASSWORD"}) {
        assertTrue(help.contains(text), command + ": " + text + " in\n" + help);
      }
    }
  }

  private static PipelineCommand parsedPipeline(String... arguments) {
    String[] command = new String[arguments.length + 1];
    command[0] = "pipeline";
    System.arraycopy(arguments, 0, command, 1, arguments.length);
    return (PipelineCommand) Main.commandLine().parseArgs(command).subcommand().commandSpec()
        .userObject();
  }

  /** The first line {@code cfmr <arguments>} prints for a usage error (exit code 2). */
  private static String usageError(String... arguments) {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    assertEquals(2, cli.execute(arguments), String.join(" ", arguments));
    return err.toString().lines().findFirst().orElse("");
  }
}
