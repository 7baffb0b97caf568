package org.cfmr.web;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.cfmr.core.UsageException;
import org.cfmr.sql.DatabaseOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * {@code cfmr serve}: the web dashboard over the tables {@code cfmr load-mysql} fills (see
 * {@link WebApp}); runs until stopped (Ctrl-C). The connection comes from {@link DatabaseOptions};
 * a read-only user is enough for browsing.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Serve the web dashboard over a database filled by cfmr load-mysql.",
        "Pages: pick a user, their recommendations and why, movies and their neighbours, the "
            + "library, and a new user who rates movies and gets recommendations at once. The "
            + "password is read from CFMR_DB_PASSWORD, else prompted for; posters need "
            + "TMDB_API_KEY (optional).",
        "A read-only database user is enough to browse; new users' ratings and the poster cache "
            + "need CREATE, INSERT and UPDATE."})
public final class ServeCommand implements Callable<Integer> {
  /** The environment variable holding the TMDB API key (optional). */
  public static final String TMDB_KEY_VARIABLE = "TMDB_API_KEY";

  @ArgGroup(exclusive = false, multiplicity = "1")
  DatabaseOptions database;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
      showDefaultValue = Visibility.ALWAYS, description = "The port to listen on (0: any free one).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      showDefaultValue = Visibility.ALWAYS,
      description = "The address to listen on (0.0.0.0: every interface).")
  String bind;

  @Option(names = "--tmdb-api-url", defaultValue = Posters.DEFAULT_API, paramLabel = "URL",
      showDefaultValue = Visibility.ALWAYS, description = "TMDB's API, for posters.")
  String tmdbApiUrl;

  @Option(names = "--tmdb-image-url", defaultValue = Posters.DEFAULT_IMAGES, paramLabel = "URL",
      showDefaultValue = Visibility.ALWAYS, description = "The prefix of TMDB poster images.")
  String tmdbImageUrl;

  /** Where the secrets come from; tests replace the environment. */
  Function<String, String> environment = System::getenv;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be 0..65535, not " + port);
    }
    ServeSettings settings = new ServeSettings(database.jdbcUrl(), database.user(),
        database.password(environment), bind, port,
        environment.apply(TMDB_KEY_VARIABLE), tmdbApiUrl, tmdbImageUrl);
    WebApp app = new WebApp(settings);
    int actualPort = app.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      stopped.countDown();
    }, "cfmr-serve-stop"));
    String host = bind.contains(":") ? "[" + bind + "]" : bind;
    System.out.println("cfmr serve: http://" + host + ":" + actualPort + "/ (Ctrl-C stops)");
    System.out.flush();
    stopped.await();
    return 0;
  }
}
