package org.cfmr.eval;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.cfmr.core.SixDecimals;
import org.cfmr.core.predict.RankingScore;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.Progress;

/**
 * {@code cfmr recommend}'s work: each user's top-N (default 100; 0 = every candidate) candidates
 * of the {@link Recommender} by its ranking score (kNN's {@link RankingScore}, ALS's
 * {@code x_u·y_i}; best first, ties by movie id) and written as header-less
 * {@code userId,movieId,prediction} with its {@code pred(u,i)}, or its fallback where it does not
 * cover the movie (6 decimals, as C's {@code %.6f}), sorted by user id then rank. The rank is the
 * line order; the ranking score is not a column, so the file keeps the format the MySQL loader
 * and the dashboard read. Users are scored in parallel, blocks written in user order.
 */
public final class Recommendations {
  public static final int DEFAULT_TOP_N = 100;

  private Recommendations() {}

  /**
   * Writes the recommendations of {@code userIds} (train user ids, ascending; null for every
   * train user) to {@code out}.
   *
   * @param topN list length per user; 0 for every candidate (as the seed did)
   * @return the number of lines written
   * @throws CfmrException when a requested user has no train ratings
   */
  public static long write(Recommender recommender, int topN, int[] userIds, int threads,
      OutputStream out) {
    TrainData train = recommender.train();
    int[] users = userIndices(train, userIds);
    int n = topN == 0 ? Integer.MAX_VALUE : topN;
    int block = topN == 0 || topN > 1000 ? 64 : 1024;
    long lines = 0;
    try (Progress progress = new Progress("recommend " + recommender.title(),
        users.length)) {
      for (int from = 0; from < users.length; from += block) {
        int offset = from;
        String[] texts = new String[Math.min(block, users.length - from)];
        ByUser.parallel(threads, texts.length, progress, () -> {
          Recommender.UserScorers scorers = recommender.newScorers();
          return k -> texts[k] = userLines(recommender, scorers, users[offset + k], n);
        });
        for (String text : texts) {
          out.write(text.getBytes(StandardCharsets.UTF_8));
          lines += text.chars().filter(c -> c == '\n').count();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  private static String userLines(Recommender recommender, Recommender.UserScorers scorers,
      int user, int n) {
    TrainData train = recommender.train();
    scorers.startUser(user);
    int[] best = Evaluation.rank(scorers, scorers.candidates(), n);
    StringBuilder text = new StringBuilder(best.length * 24);
    int userId = train.userId(user);
    for (int item : best) {
      double prediction = scorers.predict(item);
      text.append(userId).append(',').append(train.itemId(item)).append(',');
      SixDecimals.append(text, prediction == prediction ? prediction
          : recommender.fallback().of(user, item));
      text.append('\n');
    }
    return text.toString();
  }

  private static int[] userIndices(TrainData train, int[] userIds) {
    if (userIds == null) {
      int[] all = new int[train.users()];
      java.util.Arrays.setAll(all, u -> u);
      return all;
    }
    int[] indices = java.util.Arrays.stream(userIds).sorted().distinct().toArray();
    for (int k = 0; k < indices.length; k++) {
      int index = train.userIndex(indices[k]);
      if (index < 0) {
        throw new CfmrException("user " + indices[k] + " has no train ratings to recommend from");
      }
      indices[k] = index;
    }
    return indices;
  }
}
