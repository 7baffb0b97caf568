package org.cfmr.preprocess.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cfmr.core.RatingFormat;
import org.cfmr.core.StableHash;
import org.cfmr.core.runtime.Progress;
import org.cfmr.core.UsageException;
import org.cfmr.core.Workers;

/**
 * Ratings with the shape of MovieLens 32M at a scale: {@code round(200,948·scale)} users (ids 1..U)
 * and {@code round(87,585·scale)} movies (ids 1..M); per-user activity ({@link UserActivity}),
 * popularity ({@link MoviePopularity}) and values ({@link RatingValues}) keep their distributions
 * at every scale, so ratings ≈ 32M·scale. Every user's ratings come from a random stream seeded by
 * (seed, user), so the bytes depend only on seed and scale, not on the thread count.
 *
 * <p>Written in ml-32m's {@code ratings.csv} format, sorted by user then movie, streamed: users are
 * generated in blocks by a thread pool and written in order, so memory is O(users + movies).
 */
public final class SyntheticRatings {
  static final int BLOCK_USERS = 256;

  private final long seed;
  private final UserActivity activity;
  private final MoviePopularity popularity;
  private final RatingValues values;

  public SyntheticRatings(double scale, long seed) {
    int users = (int) Math.round(Ml32mShape.USERS * scale);
    int movies = (int) Math.round(Ml32mShape.MOVIES * scale);
    if (UserActivity.cap(movies) < Ml32mShape.MIN_RATINGS_PER_USER || users < 1) {
      throw new UsageException("--scale " + scale + " is too small: at least "
          + 2 * Ml32mShape.MIN_RATINGS_PER_USER + " movies are needed (scale >= 0.0005)");
    }
    if (scale > 16) {
      throw new UsageException("--scale " + scale + " is too large (at most 16)");
    }
    this.seed = seed;
    this.popularity = new MoviePopularity(seed, movies);
    this.activity = UserActivity.draw(seed, users, movies, Math.round(Ml32mShape.RATINGS * scale));
    this.values = new RatingValues(seed, popularity, activity);
  }

  public int users() {
    return activity.users();
  }

  public int movies() {
    return popularity.movies();
  }

  /** The number of ratings {@link #write} writes. */
  public long ratings() {
    return activity.total();
  }

  /** Writes the header and every rating to {@code out} (not closed). */
  public void write(OutputStream out, int threads) throws IOException {
    out.write((RatingFormat.CSV.header() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    int blocks = (users() + BLOCK_USERS - 1) / BLOCK_USERS;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    ThreadLocal<UserWriter> writers = ThreadLocal.withInitial(UserWriter::new);
    Deque<Future<byte[]>> pending = new ArrayDeque<>();
    try (Progress progress = new Progress("synth", ratings())) {
      for (int block = 0; block < blocks || !pending.isEmpty(); ) {
        while (block < blocks && pending.size() < 4 * threads) {
          int first = block++ * BLOCK_USERS;
          pending.add(pool.submit(() -> writers.get().block(first)));
        }
        byte[] bytes = Workers.join(pending.poll());
        out.write(bytes);
        progress.advance(countLines(bytes));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static int countLines(byte[] bytes) {
    int lines = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        lines++;
      }
    }
    return lines;
  }

  /** One thread's scratch space: generates blocks of users as text. */
  private final class UserWriter {
    private final int[] seen = new int[movies()];
    private final double[] keys = new double[movies()];
    private final int[] ranks = new int[movies()];
    private final long[] movieAndValue = new long[movies()];
    private final Ascii text = new Ascii();

    byte[] block(int firstUser) {
      text.clear();
      int end = Math.min(users(), firstUser + BLOCK_USERS);
      for (int u = firstUser; u < end; u++) {
        user(u);
      }
      return text.toBytes();
    }

    private void user(int u) {
      SplittableRandom random = new SplittableRandom(StableHash.hash(seed, 0x5eed_0004, u));
      int n = activity.ratingsOf(u);
      popularity.drawDistinct(random, n, ranks, seen, u + 1, keys);
      double[] taste = values.drawUser(random);
      for (int k = 0; k < n; k++) {
        int rank = ranks[k];
        movieAndValue[k] = (long) popularity.movieId(rank) << 8 | values.halfStars(taste, rank, random);
      }
      Arrays.sort(movieAndValue, 0, n);
      long[] span = activeSpan(random);
      int userId = u + 1;
      for (int k = 0; k < n; k++) {
        long timestamp = span[0] + (long) (random.nextDouble() * span[1]);
        text.rating(userId, (int) (movieAndValue[k] >>> 8), (int) (movieAndValue[k] & 0xff),
            timestamp);
      }
    }

    /** A user's first rating time and active length: a log-normal span, median ~30 days. */
    private long[] activeSpan(SplittableRandom random) {
      long whole = Ml32mShape.LAST_TIMESTAMP - Ml32mShape.FIRST_TIMESTAMP;
      long length = (long) Math.min(whole, 30 * 86_400 * Math.exp(2 * random.nextGaussian()));
      long start = Ml32mShape.FIRST_TIMESTAMP + (long) (random.nextDouble() * (whole - length));
      return new long[] {start, length};
    }
  }

  /** A growable ASCII buffer that formats rating lines without going through String. */
  private static final class Ascii {
    private byte[] bytes = new byte[1 << 16];
    private int size;

    void clear() {
      size = 0;
    }

    byte[] toBytes() {
      return Arrays.copyOf(bytes, size);
    }

    void rating(int user, int movie, int halfStars, long timestamp) {
      if (size + 64 > bytes.length) {
        bytes = Arrays.copyOf(bytes, bytes.length * 2);
      }
      number(user);
      bytes[size++] = ',';
      number(movie);
      bytes[size++] = ',';
      number(halfStars / 2);
      bytes[size++] = '.';
      bytes[size++] = (byte) (halfStars % 2 == 0 ? '0' : '5');
      bytes[size++] = ',';
      number(timestamp);
      bytes[size++] = '\n';
    }

    private void number(long value) {
      int start = size;
      do {
        bytes[size++] = (byte) ('0' + value % 10);
        value /= 10;
      } while (value > 0);
      for (int i = start, j = size - 1; i < j; i++, j--) {
        byte swap = bytes[i];
        bytes[i] = bytes[j];
        bytes[j] = swap;
      }
    }
  }
}
