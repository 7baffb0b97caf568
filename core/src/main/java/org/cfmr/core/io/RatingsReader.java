package org.cfmr.core.io;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.cfmr.core.Rating;
import org.cfmr.core.RatingFormat;
import org.cfmr.core.CfmrException;
import org.cfmr.core.ratings.RatingLine;
import org.cfmr.core.ratings.TrainRatings;

/**
 * Reads a ratings file (any Hadoop file system; gzip and Hadoop's other codecs by file name) one
 * strict rating at a time, with its line number (the header, when the format has one, is line
 * 1). Every problem is one {@link CfmrException}: {@code file:line: reason} for a bad line,
 * {@code file: no ratings} for a file without any. A duplicate {@code (user, item)} pair is an
 * error too once {@link #rejectingDuplicates()} is asked for (off by default: it keeps ~32 bytes
 * per rating).
 *
 * <pre>{@code
 * try (RatingsReader reader = RatingsReader.open(RatingsInput.locate(path, conf), conf)) {
 *   for (Rating r = reader.next(); r != null; r = reader.next()) { ... reader.lineNumber() ... }
 * }
 * }</pre>
 */
public final class RatingsReader implements AutoCloseable {
  private final Path file;
  private final RatingFormat format;
  private final BufferedReader in;
  private long lineNumber;
  private long ratingsRead;
  private FirstLines firstLines;

  private RatingsReader(Path file, RatingFormat format, BufferedReader in) {
    this.file = file;
    this.format = format;
    this.in = in;
  }

  /** Reads a header-less train split ({@code ratings_train.csv}) strictly. */
  public static TrainRatings readTrain(Path file, Configuration conf) {
    TrainRatings ratings = new TrainRatings();
    try (RatingsReader reader = open(file, RatingFormat.PLAIN_CSV, conf)) {
      for (Rating rating = reader.next(); rating != null; rating = reader.next()) {
        ratings.add(rating);
      }
    }
    return ratings;
  }

  /** Opens a located ratings file. */
  public static RatingsReader open(RatingsInput input, Configuration conf) {
    return open(input.file(), input.format(), conf);
  }

  /** Opens {@code file}, which must be in {@code format} (e.g. a header-less train split). */
  public static RatingsReader open(Path file, RatingFormat format, Configuration conf) {
    try {
      FileSystem fs = file.getFileSystem(conf);
      return new RatingsReader(file, format, openText(fs, file, conf));
    } catch (FileNotFoundException e) {
      throw new CfmrException("no such file: " + file);
    } catch (IOException e) {
      throw new CfmrException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The file's bytes, decompressed when its name ends with a codec's suffix (.gz, .bz2). */
  public static InputStream openBytes(FileSystem fs, Path file, Configuration conf)
      throws IOException {
    InputStream raw = fs.open(file);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
    return codec == null ? raw : codec.createInputStream(raw);
  }

  /** The file as UTF-8 text (see {@link #openBytes}). */
  static BufferedReader openText(FileSystem fs, Path file, Configuration conf) throws IOException {
    return new BufferedReader(
        new InputStreamReader(openBytes(fs, file, conf), StandardCharsets.UTF_8), 1 << 16);
  }

  /** Makes a second rating of the same {@code (user, item)} an error naming both lines. */
  public RatingsReader rejectingDuplicates() {
    firstLines = new FirstLines();
    return this;
  }

  /**
   * The next rating, or null at the end of the file.
   *
   * @throws CfmrException naming the file and line of a bad line, or when the file has no ratings
   */
  public Rating next() {
    String line = readLine();
    if (line != null && lineNumber == 1) {
      line = RatingLine.withoutByteOrderMark(line);
      if (isHeader(line)) {
        line = readLine();
      }
    }
    if (line == null) {
      if (ratingsRead == 0) {
        throw new CfmrException(file + ": no ratings");
      }
      return null;
    }
    Rating rating;
    try {
      rating = RatingLine.parse(format, line);
    } catch (IllegalArgumentException e) {
      throw CfmrException.atLine(file.toString(), lineNumber, e.getMessage());
    }
    if (firstLines != null) {
      long first = firstLines.putIfAbsent(rating.user(), rating.item(), lineNumber);
      if (first >= 0) {
        throw CfmrException.atLine(file.toString(), lineNumber, RatingLine.duplicate(rating.user(),
            rating.item()) + " (first on line " + first + ")");
      }
    }
    ratingsRead++;
    return rating;
  }

  /** The line number of the rating {@link #next()} returned last (1-based, the header included). */
  public long lineNumber() {
    return lineNumber;
  }

  public Path file() {
    return file;
  }

  public RatingFormat format() {
    return format;
  }

  private boolean isHeader(String line) {
    try {
      return RatingLine.isHeader(format, line);
    } catch (IllegalArgumentException e) {
      throw CfmrException.atLine(file.toString(), 1, e.getMessage());
    }
  }

  private String readLine() {
    try {
      String line = in.readLine();
      if (line != null) {
        lineNumber++;
      }
      return line;
    } catch (IOException e) {
      throw new CfmrException("cannot read " + file + " after line " + lineNumber + ": "
          + e.getMessage(), new UncheckedIOException(e));
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new CfmrException("cannot close " + file + ": " + e.getMessage(), e);
    }
  }
}
