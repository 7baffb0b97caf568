package org.cfmr.sql;

import java.util.HashSet;
import java.util.Set;

/**
 * A recommendations file (header-less {@code userId,movieId,prediction}, best first per user,
 * each user's lines together) into {@code user_item_predictions} rows
 * {@code (user, method, rank, movie, prediction)}, rank 1 being the user's first line.
 */
final class PredictionsSource {
  private PredictionsSource() {}

  /** Copies one file, its rows of method {@code method}. */
  static void copy(InputFile in, TsvWriter out, PredictionMethod method) {
    Set<Integer> finishedUsers = new HashSet<>();
    Set<Integer> userMovies = new HashSet<>();
    int user = -1;
    int rank = 0;
    for (String line = in.nextLine(); line != null; line = in.nextLine()) {
      String[] fields = line.split(",", -1);
      if (fields.length != 3) {
        throw in.error("expected 3 fields 'userId,movieId,prediction' but found " + fields.length);
      }
      int lineUser;
      int movie;
      double prediction;
      try {
        lineUser = Ids.parse(fields[0].strip(), "userId");
        movie = Ids.parse(fields[1].strip(), "movieId");
        prediction = Double.parseDouble(fields[2].strip());
      } catch (NumberFormatException e) {
        throw in.error("prediction '" + fields[2] + "' is not a number");
      } catch (IllegalArgumentException e) {
        throw in.error(e.getMessage());
      }
      if (!Double.isFinite(prediction)) {
        throw in.error("prediction '" + fields[2] + "' is not a finite number");
      }
      if (lineUser != user) {
        if (user >= 0) {
          finishedUsers.add(user);
        }
        if (finishedUsers.contains(lineUser)) {
          throw in.error("user " + lineUser + " appears again after other users "
              + "(each user's recommendations must be on consecutive lines)");
        }
        user = lineUser;
        rank = 0;
        userMovies.clear();
      }
      if (!userMovies.add(movie)) {
        throw in.error("movie " + movie + " is recommended twice to user " + user);
      }
      out.plain(user).plain(method.value()).plain(++rank).plain(movie).plain(prediction).endRow();
    }
  }
}
