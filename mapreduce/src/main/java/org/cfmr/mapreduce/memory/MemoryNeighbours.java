package org.cfmr.mapreduce.memory;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.SimilaritySettings;
import org.cfmr.core.ratings.RatingMatrix;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.runtime.CfmrException;

/**
 * {@code cfmr neighbours --engine memory}: the neighbour files on one machine, without Hadoop
 * jobs, byte for byte those of the MapReduce chain. Memory: about 24 bytes per train rating for
 * the matrix and its transpose, plus ~60 bytes per entity per thread.
 */
public final class MemoryNeighbours {
  private MemoryNeighbours() {}

  /**
   * Computes the neighbour file of one mode and writes it to {@code output} (a temporary name
   * first, renamed into place when complete).
   *
   * @param usersAreEntities true for user–user, false for item–item
   * @return the number of entities with at least one neighbour
   */
  public static int write(Path train, Path output, boolean usersAreEntities,
      SimilaritySettings settings, int threads, Configuration conf) {
    long start = System.nanoTime();
    RatingMatrix matrix = TrainRatings.read(train, conf).matrix(usersAreEntities);
    String mode = usersAreEntities ? "user" : "item";
    List<String> lines = new MemoryEngine(matrix, settings)
        .lines(threads, "neighbours " + mode + " (memory)");
    writeLines(output, lines, conf);
    System.err.printf(Locale.ROOT, "neighbours %s (memory engine): %,d %ss, %,d with neighbours, "
            + "%.1fs, %d threads%n", mode, matrix.rows(), mode, lines.size(),
        (System.nanoTime() - start) / 1e9, threads);
    return lines.size();
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
    } catch (IOException e) {
      throw new CfmrException("cannot write " + output + ": " + e.getMessage(), e);
    }
  }
}
