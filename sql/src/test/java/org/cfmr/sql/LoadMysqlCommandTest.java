package org.cfmr.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.cfmr.core.CfmrException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line of {@code cfmr load-mysql}: options, help, and where the password comes from. */
class LoadMysqlCommandTest {
  @Test
  void thePasswordComesFromTheEnvironment() {
    assertEquals("secret", parsed().database.password(Map.of("CFMR_DB_PASSWORD", "secret")::get));
  }

  @Test
  void withoutThePasswordVariableOrATerminalTheErrorSaysWhatToSet() {
    // Surefire's forked JVM has no console.
    DatabaseOptions database = parsed().database;
    CfmrException error = assertThrows(CfmrException.class,
        () -> database.password(Map.<String, String>of()::get));
    assertEquals("no database password: set CFMR_DB_PASSWORD (there is no terminal to prompt on)",
        error.getMessage());
  }

  @Test
  void bothDatabaseOptionsAreRequiredAndTheMissingOneIsNamed() {
    for (String[] arguments : new String[][] {{"--jdbc-url", "jdbc:mysql://h/db"}, {"--user", "u"},
        {}}) {
      StringWriter err = new StringWriter();
      CommandLine cli = new CommandLine(new LoadMysqlCommand());
      cli.setErr(new PrintWriter(err));
      assertEquals(2, cli.execute(arguments), String.join(" ", arguments));
      String firstLine = err.toString().lines().findFirst().orElse("");
      for (String option : new String[] {"--jdbc-url", "--user"}) {
        assertEquals(!List.of(arguments).contains(option), firstLine.contains(option),
            option + " named in: " + firstLine);
      }
      assertTrue(firstLine.startsWith("Error: Missing required argument"), firstLine);
    }
  }

  @Test
  void theDatabaseOptionsReachTheCommand() {
    DatabaseOptions database = parsed().database;
    assertEquals("jdbc:mysql://h/db", database.jdbcUrl());
    assertEquals("u", database.user());
  }

  private static LoadMysqlCommand parsed() {
    LoadMysqlCommand command = new LoadMysqlCommand();
    new CommandLine(command).parseArgs("--jdbc-url", "jdbc:mysql://h/db", "--user", "u");
    return command;
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
  void aMariadbUrlIsGivenToTheDriverAsAMysqlOne() {
    assertEquals("jdbc:mysql://h:3306/db", Database.driverUrl("jdbc:mariadb://h:3306/db"));
    assertEquals("jdbc:mysql://h:3306/db", Database.driverUrl("jdbc:mysql://h:3306/db"));
  }

  @Test
  void aUrlThatIsNotMysqlIsRefusedBeforeConnecting() {
    CfmrException error = assertThrows(CfmrException.class, () -> Database.connect(
        "jdbc:postgresql://h/db", "u", "p", java.nio.file.Path.of(".")));
    assertEquals("--jdbc-url jdbc:postgresql://h/db is not a jdbc:mysql://HOST:PORT/DATABASE URL",
        error.getMessage());
  }
  @Test
  void aPasswordInsideTheUrlIsNeverShown() {
    assertEquals("jdbc:mysql://h/db?user=u&password=***&ssl=true",
        UrlPasswords.shown("jdbc:mysql://h/db?user=u&password=secret&ssl=true"));
    assertEquals("jdbc:mysql://u:***@h:3306/db",
        UrlPasswords.shown("jdbc:mysql://u:secret@h:3306/db"));
    assertEquals("jdbc:mysql://address=(host=h)(Password=***)/db"
        + "?trustCertificateKeyStorePassword=***",
        UrlPasswords.shown("jdbc:mysql://address=(host=h)(Password=s1)/db"
            + "?trustCertificateKeyStorePassword=s2"));
    assertEquals("jdbc:mysql://h:3306/db", UrlPasswords.shown("jdbc:mysql://h:3306/db"));
    CfmrException refused = assertThrows(CfmrException.class, () -> Database.connect(
        "jdbc:postgresql://u:secret@h/db", "u", "p", java.nio.file.Path.of(".")));
    assertEquals("--jdbc-url jdbc:postgresql://u:***@h/db is not a jdbc:mysql://HOST:PORT/DATABASE "
        + "URL", refused.getMessage());
  }

  @Test
  void aDriverErrorQuotingTheUrlHidesItsPassword() {
    String url = "jdbc:mysql://127.0.0.1:1/db?password=secret&connectTimeout=abc";
    CfmrException error = assertThrows(CfmrException.class,
        () -> Database.connect(url, "u", "p", java.nio.file.Path.of(".")));
    assertTrue(error.getMessage().startsWith("cannot connect to jdbc:mysql://127.0.0.1:1/db?"
        + "password=***&connectTimeout=abc: "), error.getMessage());
    assertFalse(error.getMessage().contains("secret"), error.getMessage());
  }
}
