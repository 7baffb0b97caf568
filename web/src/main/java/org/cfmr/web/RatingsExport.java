package org.cfmr.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Rating;
import org.cfmr.core.io.RatingsInput;
import org.cfmr.core.io.RatingsReader;
import org.cfmr.core.runtime.OutputFolder;
import org.cfmr.core.runtime.Progress;

/**
 * {@code cfmr export-ratings}: a dataset with the dashboard's ratings merged in, for the next
 * batch run. Every rating of the input dataset (read and checked as any input is) is written,
 * except those a MovieLens user rated again on the dashboard, whose dashboard rating replaces it;
 * then the MovieLens users' dashboard ratings, by user and movie; then each new user's, as a new
 * user id after the highest one of the dataset and the dashboard, in the order they were created.
 * The dataset's {@code movies.csv} and {@code links.csv} are copied beside the ratings, so the
 * output folder is a dataset folder; all of it is written at once ({@link OutputFolder}).
 */
public final class RatingsExport {
  static final String HEADER = "userId,movieId,rating,timestamp";
  private static final List<String> BESIDE = List.of("movies.csv", "links.csv");

  /** What an export wrote. */
  public record Summary(long datasetRatings, long replaced, long movieLensRatings,
      long newUsers, long newUserRatings, int firstNewUser, Path output) {
    public String toLine() {
      return String.format(Locale.ROOT, "export-ratings: %,d ratings of the dataset (%,d of them"
          + " replaced by a rating given again on the dashboard), %,d dashboard ratings of"
          + " MovieLens users, %,d ratings of %,d new users%s -> %s", datasetRatings, replaced,
          movieLensRatings, newUserRatings, newUsers,
          newUsers == 0 ? "" : " (user ids from " + firstNewUser + ")", output);
    }
  }

  private RatingsExport() {}

  /** Writes {@code input}'s ratings with the dashboard's of {@code connection} to {@code output}. */
  public static Summary export(Path input, Path output, boolean overwrite, Connection connection,
      Configuration conf) throws IOException, SQLException {
    RatingsInput dataset = RatingsInput.locate(input, conf);
    List<Rating> movieLens = DashboardRatings.ofMovieLensUsers(connection);
    List<DashboardRatings.NewUser> newUsers = DashboardRatings.ofNewUsers(connection);
    Set<Long> replacing = new HashSet<>();
    int highestUser = 0;
    for (Rating rating : movieLens) {
      replacing.add(key(rating));
      highestUser = Math.max(highestUser, rating.user());
    }
    Path parent = output.getParent() == null ? new Path(".") : output.getParent();
    List<String> names = new ArrayList<>(List.of(output.getName()));
    List<Path> besides = besides(dataset, conf);
    besides.forEach(file -> names.add(file.getName()));
    try (OutputFolder folder = OutputFolder.forFiles(parent, names, overwrite, conf)) {
      long written = 0;
      long replaced = 0;
      long newUserRatings = 0;
      int firstNewUser;
      try (Writer out = writer(folder, output.getName());
          RatingsReader reader = RatingsReader.open(dataset, conf);
          Progress progress = new Progress("export-ratings " + dataset.file().getName(), 0,
              "ratings")) {
        out.write(HEADER + "\n");
        for (Rating rating = reader.next(); rating != null; rating = reader.next()) {
          progress.advance(1);
          highestUser = Math.max(highestUser, rating.user());
          if (replacing.contains(key(rating))) {
            replaced++;
          } else {
            write(out, rating);
            written++;
          }
        }
        for (Rating rating : movieLens) {
          write(out, rating);
        }
        firstNewUser = highestUser + 1;
        int user = firstNewUser;
        for (DashboardRatings.NewUser newUser : newUsers) {
          for (Rating rating : newUser.ratings()) {
            write(out, new Rating(user, rating.item(), rating.halfStars(), rating.timestamp()));
            newUserRatings++;
          }
          user++;
        }
      }
      for (Path file : besides) {
        copy(file, folder, conf);
      }
      folder.commit();
      return new Summary(written + replaced, replaced, movieLens.size(), newUsers.size(),
          newUserRatings, firstNewUser, output);
    }
  }

  private static long key(Rating rating) {
    return ((long) rating.user() << 32) | rating.item();
  }

  private static void write(Writer out, Rating rating) throws IOException {
    out.write(rating.toCsv() + "\n");
  }

  /** The dataset's movies.csv and links.csv that exist. */
  private static List<Path> besides(RatingsInput dataset, Configuration conf) throws IOException {
    List<Path> files = new ArrayList<>();
    FileSystem fs = dataset.file().getFileSystem(conf);
    for (String name : BESIDE) {
      Path file = new Path(dataset.datasetFolder(), name);
      if (fs.isFile(file)) {
        files.add(file);
      }
    }
    return files;
  }

  private static Writer writer(OutputFolder folder, String name) throws IOException {
    return new BufferedWriter(new OutputStreamWriter(
        folder.fileSystem().create(folder.staged(name), true), StandardCharsets.UTF_8), 1 << 16);
  }

  private static void copy(Path file, OutputFolder folder, Configuration conf) throws IOException {
    try (InputStream in = file.getFileSystem(conf).open(file);
        OutputStream out = folder.fileSystem().create(folder.staged(file.getName()), true)) {
      in.transferTo(out);
    }
  }
}
