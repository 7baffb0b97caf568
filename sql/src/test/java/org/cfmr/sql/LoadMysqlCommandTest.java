package org.cfmr.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.cfmr.core.runtime.CfmrException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line of {@code cfmr load-mysql}: options, help, and where the password comes from. */
class LoadMysqlCommandTest {
  @Test
  void thePasswordComesFromTheEnvironment() {
    assertEquals("secret", LoadMysqlCommand.password("jdbc:mysql://h/db", "u",
        Map.of("CFMR_DB_PASSWORD", "secret")::get));
  }

  @Test
  void withoutThePasswordVariableOrATerminalTheErrorSaysWhatToSet() {
    // Surefire's forked JVM has no console.
    CfmrException error = assertThrows(CfmrException.class,
        () -> LoadMysqlCommand.password("jdbc:mysql://h/db", "u", Map.<String, String>of()::get));
    assertEquals("no database password: set CFMR_DB_PASSWORD (there is no terminal to prompt on)",
        error.getMessage());
  }

  @Test
  void helpListsTheOptionsAndNoPasswordOption() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new LoadMysqlCommand());
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("--help"));
    String help = out.toString();
    for (String option : new String[] {"--jdbc-url", "--user", "--input", "--movies", "--links",
        "Default: cfmr-out", "CFMR_DB_PASSWORD"}) {
      assertTrue(help.contains(option), option + " in\n" + help);
    }
    assertTrue(!help.contains("--password"), help);
  }

  @Test
  void aUrlThatIsNotMysqlIsRefusedBeforeConnecting() {
    CfmrException error = assertThrows(CfmrException.class, () -> Database.connect(
        "jdbc:postgresql://h/db", "u", "p", java.nio.file.Path.of(".")));
    assertEquals("--jdbc-url jdbc:postgresql://h/db is not a jdbc:mysql://HOST:PORT/DATABASE URL",
        error.getMessage());
  }
}
