package org.cfmr.core.io;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.RatingFormat;
import org.cfmr.core.CfmrException;
import org.cfmr.core.ratings.RatingLine;

/**
 * A ratings file and its detected format. A dataset folder is searched for {@code ratings.csv}
 * (ml-latest, ml-20m, ml-25m, ml-32m), {@code ratings.dat} (ml-1m, ml-10m) and {@code u.data}
 * (ml-100k), in that order; a file is taken as it is. The format is detected from the file's
 * first line ({@link RatingFormat#detect}).
 *
 * @param file the ratings file, fully qualified
 * @param format its format
 */
public record RatingsInput(Path file, RatingFormat format) {
  /** The names a dataset folder's ratings file may have, in the order they are looked for. */
  public static final List<String> RATINGS_FILE_NAMES = List.of("ratings.csv", "ratings.dat", "u.data");

  /**
   * Finds the ratings file of {@code input} (a file or a dataset folder) and detects its format.
   *
   * @throws CfmrException when there is no such file, the folder has no ratings file, the file is
   *     empty or its first line fits no format
   */
  public static RatingsInput locate(Path input, Configuration conf) {
    try {
      FileSystem fs = input.getFileSystem(conf);
      Path file = ratingsFile(fs, fs.makeQualified(input), input);
      return new RatingsInput(file, detect(fs, file, conf));
    } catch (FileNotFoundException e) {
      throw new CfmrException("no such file or folder: " + input);
    } catch (IOException e) {
      throw new CfmrException("cannot read " + input + ": " + e.getMessage(), e);
    }
  }

  /** The folder the ratings file is in: where a dataset's {@code movies.csv}, {@code links.csv} are. */
  public Path datasetFolder() {
    return file.getParent();
  }

  private static Path ratingsFile(FileSystem fs, Path qualified, Path input) throws IOException {
    if (!fs.getFileStatus(qualified).isDirectory()) {
      return qualified;
    }
    for (String name : RATINGS_FILE_NAMES) {
      Path candidate = new Path(qualified, name);
      if (fs.isFile(candidate)) {
        return candidate;
      }
    }
    throw new CfmrException("no ratings file (" + String.join(", ", RATINGS_FILE_NAMES)
        + ") in the folder " + input);
  }

  private static RatingFormat detect(FileSystem fs, Path file, Configuration conf)
      throws IOException {
    try (BufferedReader in = RatingsReader.openText(fs, file, conf)) {
      String first = in.readLine();
      if (first == null || first.isBlank()) {
        throw new CfmrException(file + ": no ratings");
      }
      try {
        return RatingFormat.detect(RatingLine.withoutByteOrderMark(first));
      } catch (IllegalArgumentException e) {
        throw CfmrException.atLine(file.toString(), 1, e.getMessage());
      }
    }
  }
}
