package org.cfmr.mapreduce.memory;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Mode;
import org.cfmr.core.baseline.BaselineFit;
import org.cfmr.core.baseline.BaselineSettings;
import org.cfmr.core.predict.NeighbourLists;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.similarity.BaselineResiduals;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.ratings.RatingMatrix;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.ErrorMessages;
import org.cfmr.core.io.RatingsReader;

/**
 * {@code cfmr neighbours --engine memory}: the neighbour files on one machine, without Hadoop
 * jobs, byte for byte those of the MapReduce chain ({@link MemoryEngine}). Memory: ~24 bytes
 * per train rating for the matrix and its transpose, plus the engine's own needs (see
 * {@link MemoryEngine}: ~9 bytes per rating, per-thread accumulators, the top-K), ~1.1 GB for 32M
 * ratings in all, plus the parsed input while it is read. Measured peak RSS: BENCHMARKS.md.
 */
public final class MemoryNeighbours {
  private MemoryNeighbours() {}

  /**
   * Computes the neighbour file of one mode and writes it to {@code output} (a temporary name
   * first, renamed into place when complete).
   *
   * @param mode user–user or item–item
   * @return the number of entities with at least one neighbour
   */
  public static int write(Path train, Path output, Mode mode, NeighbourSettings settings,
      int threads, Configuration conf) {
    return write(train, List.of(output), mode, List.of(settings), threads, conf).get(0);
  }

  /**
   * Computes one mode's neighbour file for each of {@code settings} in one pass over the pair sums
   * (every one must share the first's, {@link NeighbourSettings#sharesPairSums}) and writes each
   * to its {@code outputs} entry as {@link #write(Path, Path, Mode, NeighbourSettings, int,
   * Configuration)} does.
   *
   * @return per file, the number of entities with at least one neighbour
   */
  public static List<Integer> write(Path train, List<Path> outputs, Mode mode,
      List<NeighbourSettings> settings, int threads, Configuration conf) {
    long start = System.nanoTime();
    TrainRatings ratings = RatingsReader.readTrain(train, conf);
    RatingMatrix matrix = ratings.matrix(mode.usersAreEntities());
    long read = System.nanoTime();
    List<List<String>> files = new MemoryEngine(matrix, settings,
        residuals(ratings, matrix, mode, settings.get(0), threads))
        .linesOfEach(threads, "neighbours " + mode + " (memory)");
    long computed = System.nanoTime();
    for (int i = 0; i < outputs.size(); i++) {
      writeLines(outputs.get(i), files.get(i), conf);
    }
    List<Integer> counts = files.stream().map(List::size).toList();
    System.err.printf(Locale.ROOT, "neighbours %s (memory engine): %,d %ss, %s with neighbours, "
            + "%.1fs (read %.1fs, compute %.1fs), %d threads%n", mode, matrix.rows(), mode,
        counts.stream().map(count -> String.format(Locale.ROOT, "%,d", count))
            .collect(Collectors.joining(" and ")), (System.nanoTime() - start) / 1e9,
        (read - start) / 1e9, (computed - read) / 1e9, threads);
    return counts;
  }

  /**
   * The neighbour lists of one mode over {@code ratings}, as the file {@link #write} would hold
   * (its six-decimal similarities), without writing it.
   */
  public static NeighbourLists lists(TrainRatings ratings, Mode mode, NeighbourSettings settings,
      int threads) {
    RatingMatrix matrix = ratings.matrix(mode.usersAreEntities());
    StringBuilder text = new StringBuilder();
    lines(ratings, matrix, mode, settings, threads).forEach(line -> text.append(line).append('\n'));
    try {
      return NeighbourLists.parse("the " + mode + " neighbours in memory",
          new StringReader(text.toString()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The neighbour file's lines over {@code matrix}, the {@code mode} matrix of {@code ratings}. */
  private static List<String> lines(TrainRatings ratings, RatingMatrix matrix, Mode mode,
      NeighbourSettings settings, int threads) {
    return new MemoryEngine(matrix, settings, residuals(ratings, matrix, mode, settings, threads))
        .lines(threads, "neighbours " + mode + " (memory)");
  }

  /**
   * The residuals of {@code matrix}'s ratings from the baseline fitted on them with the default
   * settings, when the measure needs them; else null.
   */
  static BaselineResiduals residuals(TrainRatings ratings, RatingMatrix matrix, Mode mode,
      NeighbourSettings settings, int threads) {
    if (!settings.measure().needsBaseline()) {
      return null;
    }
    return BaselineResiduals.of(
        BaselineFit.fit(TrainData.of(ratings), BaselineSettings.DEFAULTS, threads),
        matrix.rowIds, matrix.columnIds, mode.usersAreEntities());
  }

  /**
   * The benchmark's entry point ({@code mapreduce/bench/memory-engine.sh}): {@code TRAIN OUTPUT
   * user|item [THREADS]} with the default settings.
   */
  public static void main(String[] args) {
    int threads = args.length > 3 ? Integer.parseInt(args[3])
        : Runtime.getRuntime().availableProcessors();
    write(new Path(args[0]), new Path(args[1]), Mode.parse(args[2]),
        NeighbourSettings.defaults(), threads, new Configuration());
  }

  private static void writeLines(Path output, List<String> lines, Configuration conf) {
    Path temporary = new Path(output.getParent(), "." + output.getName() + ".tmp");
    try {
      FileSystem fs = output.getFileSystem(conf);
      try (FSDataOutputStream stream = fs.create(temporary, true);
          Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
        for (String line : lines) {
          out.write(line);
          out.write('\n');
        }
      }
      fs.delete(output, false);
      if (!fs.rename(temporary, output)) {
        throw new IOException("cannot rename " + temporary + " to " + output);
      }
    } catch (IOException | FSError e) {
      throw new CfmrException("cannot write " + output + ": " + ErrorMessages.of(e), e);
    }
  }
}
