package org.cfmr.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The error and coverage of test ratings grouped by a count of train ratings (the user's, to see
 * how error falls as users rate more; the movie's, to see how coverage grows with popularity):
 * per bucket the test ratings, how many were predicted, and the RMSE over those,
 * {@code sqrt(Σ(pred − r)² / covered)}. The buckets start at 0 (not in the train split), 1, 5,
 * 20, 50, 100, 200, 500, 1,000 and 5,000 train ratings.
 */
public final class Breakdown {
  private static final int[] FROM = {0, 1, 5, 20, 50, 100, 200, 500, 1_000, 5_000};

  private final ErrorSums[] covered = new ErrorSums[FROM.length];
  private final long[] ratings = new long[FROM.length];

  Breakdown() {
    for (int b = 0; b < FROM.length; b++) {
      covered[b] = new ErrorSums();
    }
  }

  /** One test rating whose user or movie has {@code trainRatings}; NaN: not predicted. */
  void add(int trainRatings, double prediction, double rating) {
    int bucket = bucketOf(trainRatings);
    ratings[bucket]++;
    if (prediction == prediction) {
      covered[bucket].add(prediction, rating);
    }
  }

  /** {@code sums} of {@code count} test ratings, all of one user with {@code trainRatings}. */
  void add(int trainRatings, ErrorSums sums, long count) {
    int bucket = bucketOf(trainRatings);
    ratings[bucket] += count;
    covered[bucket].add(sums);
  }

  void add(Breakdown other) {
    for (int b = 0; b < FROM.length; b++) {
      ratings[b] += other.ratings[b];
      covered[b].add(other.covered[b]);
    }
  }

  private static int bucketOf(int trainRatings) {
    int bucket = FROM.length - 1;
    while (FROM[bucket] > trainRatings) {
      bucket--;
    }
    return bucket;
  }

  /** The buckets that hold a test rating, in order of their counts. */
  public List<Bucket> buckets() {
    List<Bucket> buckets = new ArrayList<>();
    for (int b = 0; b < FROM.length; b++) {
      if (ratings[b] > 0) {
        buckets.add(new Bucket(FROM[b], b + 1 < FROM.length ? FROM[b + 1] - 1 : -1, ratings[b],
            covered[b].count, covered[b].rmse()));
      }
    }
    return buckets;
  }

  /**
   * The test ratings whose count of train ratings is in {@code from..to} ({@code to} −1: no
   * end), how many were predicted, and their RMSE (NaN when none was).
   */
  public record Bucket(int from, int to, long ratings, long covered, double rmse) {
    public double coverage() {
      return (double) covered / ratings;
    }

    /** {@code "0"}, {@code "1–4"}, ..., {@code "5000+"}. */
    public String label() {
      if (to == from) {
        return Integer.toString(from);
      }
      return to < 0 ? from + "+" : String.format(Locale.ROOT, "%d–%d", from, to);
    }
  }

  /** One object per bucket: {@code from}, {@code to} (absent: no end), counts, coverage, RMSE. */
  ArrayNode toJson(ObjectMapper mapper) {
    ArrayNode json = mapper.createArrayNode();
    for (Bucket bucket : buckets()) {
      ObjectNode node = json.addObject();
      node.put("from", bucket.from());
      if (bucket.to() >= 0) {
        node.put("to", bucket.to());
      }
      node.put("ratings", bucket.ratings());
      node.put("covered", bucket.covered());
      node.put("coverage", bucket.coverage());
      if (bucket.covered() > 0) {
        node.put("rmse", bucket.rmse());
      }
    }
    return json;
  }
}
