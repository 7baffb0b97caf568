package org.cfmr.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Rating;
import org.cfmr.core.RatingFormat;
import org.cfmr.core.CfmrException;
import org.cfmr.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cfmr.core.ratings.TrainRatings;

class RatingsReaderTest {
  private final Configuration conf = new Configuration();
  @TempDir java.nio.file.Path dir;

  @Test
  void readsEveryFormatFromTinyFiles() throws IOException {
    List<Rating> expected = List.of(new Rating(1, 10, 8, 100), new Rating(2, 20, 2, 200));
    assertRead(expected, RatingFormat.U_DATA, write("u.data", "1\t10\t4\t100\n2\t20\t1\t200\n"));
    assertRead(expected, RatingFormat.DAT, write("ratings.dat", "1::10::4::100\n2::20::1::200\n"));
    assertRead(expected, RatingFormat.CSV,
        write("ratings.csv", "userId,movieId,rating,timestamp\n1,10,4.0,100\n2,20,1.0,200\n"));
    assertRead(expected, RatingFormat.PLAIN_CSV, write("plain.csv", "1,10,4.0,100\n2,20,1,200"));
    assertRead(expected, RatingFormat.CSV, write("bom-crlf.csv",
        "\uFEFFuserId,movieId,rating,timestamp\r\n1,10,4.0,100\r\n2,20,1.0,200\r\n"));
  }

  @Test
  void lineNumbersCountTheHeader() throws IOException {
    Path file = write("ratings.csv", "userId,movieId,rating,timestamp\n1,10,4.0,100\n2,20,1.0,200\n");
    try (RatingsReader reader = RatingsReader.open(RatingsInput.locate(file, conf), conf)) {
      reader.next();
      assertEquals(2, reader.lineNumber());
      reader.next();
      assertEquals(3, reader.lineNumber());
      assertNull(reader.next());
    }
  }

  @Test
  void aDatasetFolderIsSearchedForItsRatingsFile() throws IOException {
    write("movies.csv", "movieId,title,genres\n");
    Path ratings = write("ratings.csv", "userId,movieId,rating,timestamp\n1,10,4.0,100\n");
    RatingsInput input = RatingsInput.locate(new Path(dir.toUri()), conf);
    assertEquals(ratings, input.file());
    assertEquals(RatingFormat.CSV, input.format());
    assertEquals(ratings.getParent(), input.datasetFolder());
  }

  @Test
  void gzippedFilesAreRead() throws IOException {
    Path file = new Path(dir.resolve("u.data.gz").toUri());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("u.data.gz")))) {
      out.write("1\t10\t4\t100\n2\t20\t1\t200\n".getBytes(StandardCharsets.UTF_8));
    }
    assertRead(List.of(new Rating(1, 10, 8, 100), new Rating(2, 20, 2, 200)), RatingFormat.U_DATA, file);
  }

  @Test
  void everyBadInputIsOneLineNamingFileAndLine() throws IOException {
    assertError("bad.csv:3: rating 5.5 is outside the scale 0.5–5.0 in half stars",
        "userId,movieId,rating,timestamp\n1,10,4.0,100\n1,11,5.5,100\n");
    assertError("bad.csv:2: rating 3.5 is outside the scale 1.0–5.0 in whole stars",
        "1\t10\t4\t100\n1\t11\t3.5\t100\n");
    assertError("bad.csv:2: rating 0 is outside the scale 0.5–5.0 in half stars",
        "1::10::4::100\n1::11::0::100\n");
    assertError("bad.csv:2: expected 4 fields separated by ',' but found 3", "1,10,4.0,100\n1,11,4.0\n");
    assertError("bad.csv:2: userId 'x' is not a non-negative integer", "1,10,4.0,100\nx,11,4.0,5\n");
    assertError("bad.csv:2: empty line", "1,10,4.0,100\n\n1,11,4.0,5\n");
    assertError("bad.csv:1: expected the header 'userId,movieId,rating,timestamp'",
        "userId,movieId,rating\n1,10,4.0,100\n");
    assertError("bad.csv:1: the first line fits no MovieLens ratings format "
        + "(u.data, ratings.dat, ratings.csv or header-less CSV)", "hello\n");
    assertError("bad.csv: no ratings", "");
    assertError("bad.csv: no ratings", "userId,movieId,rating,timestamp\n");
  }

  @Test
  void duplicatesAreRejectedOnlyWhenAskedFor() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int user = 1; user <= 400; user++) {
      for (int item = 1; item <= 500; item++) {
        text.append(user).append(',').append(item).append(",3.0,1\n");
      }
    }
    text.append("7,77,5.0,2\n");
    Path file = write("many.csv", text.toString());
    assertEquals(200_001, countRatings(RatingsReader.open(file, RatingFormat.PLAIN_CSV, conf)));
    CfmrException error = assertThrows(CfmrException.class, () -> countRatings(
        RatingsReader.open(file, RatingFormat.PLAIN_CSV, conf).rejectingDuplicates()));
    assertEquals(file + ":200001: duplicate rating of movie 77 by user 7 (first on line 3077)",
        error.getMessage());
  }

  private static int countRatings(RatingsReader opened) {
    int count = 0;
    try (RatingsReader reader = opened) {
      while (reader.next() != null) {
        count++;
      }
    }
    return count;
  }

  @Test
  void missingInputsAreNamed() {
    Path missing = new Path(dir.resolve("nothing-here").toUri());
    assertEquals("no such file or folder: " + missing,
        assertThrows(CfmrException.class, () -> RatingsInput.locate(missing, conf)).getMessage());
    Path emptyFolder = new Path(dir.toUri());
    assertEquals("no ratings file (ratings.csv, ratings.dat, u.data) in the folder " + emptyFolder,
        assertThrows(CfmrException.class, () -> RatingsInput.locate(emptyFolder, conf)).getMessage());
  }

  @Test
  void trainRatingsReadHeaderlessCsvStrictly() throws IOException {
    TrainRatings train = RatingsReader.readTrain(write("train.csv", "1,10,4.0,100\n2,20,1.5,200\n"), conf);
    assertEquals(2, train.size);
    assertEquals(3, train.halfStars[1]);
    Path withHeader = write("header.csv", "userId,movieId,rating,timestamp\n1,10,4.0,100\n");
    assertEquals(withHeader.toString().replace("file:", "") + ":1: userId 'userId' is not a non-negative integer",
        assertThrows(CfmrException.class, () -> RatingsReader.readTrain(withHeader, conf)).getMessage()
            .replace("file:", ""));
  }

  @Test
  void readsTheBundledMovieLensFile() throws IOException {
    assertRealFile(SharedData.bundled("ratings.csv"), ",", RatingFormat.CSV, 100_836);
  }

  @Test
  void readsTheSharedMovieLensFiles() throws IOException {
    assertRealFile(SharedData.movielens("ml-100k/u.data"), "\t", RatingFormat.U_DATA, 100_000);
    assertRealFile(SharedData.movielens("ml-1m-users-1-2999/ratings.dat"), "::", RatingFormat.DAT,
        487_650);
  }

  /** Oracle: a plain String.split of every line, compared field by field with what the reader gives. */
  private void assertRealFile(java.nio.file.Path file, String separator, RatingFormat format,
      int count) throws IOException {
    String relative = file.getFileName().toString();
    List<String> lines = Files.readAllLines(file);
    int first = format.hasHeader() ? 1 : 0;
    RatingsInput input = RatingsInput.locate(new Path(file.toUri()), conf);
    assertEquals(format, input.format());
    int read = 0;
    try (RatingsReader reader = RatingsReader.open(input, conf).rejectingDuplicates()) {
      for (Rating rating = reader.next(); rating != null; rating = reader.next()) {
        String[] fields = lines.get(first + read).split(java.util.regex.Pattern.quote(separator));
        Rating expected = new Rating(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]),
            (int) Math.round(Double.parseDouble(fields[2]) * 2), Long.parseLong(fields[3]));
        assertEquals(expected, rating, relative + " line " + reader.lineNumber());
        read++;
        assertEquals(first + read, reader.lineNumber());
      }
    }
    assertEquals(count, read, relative);
  }

  private void assertRead(List<Rating> expected, RatingFormat format, Path file) {
    RatingsInput input = RatingsInput.locate(file, conf);
    assertEquals(format, input.format());
    List<Rating> read = new ArrayList<>();
    try (RatingsReader reader = RatingsReader.open(input, conf)) {
      for (Rating rating = reader.next(); rating != null; rating = reader.next()) {
        read.add(rating);
      }
    }
    assertEquals(expected, read);
  }

  private void assertError(String expected, String content) throws IOException {
    Path file = write("bad.csv", content);
    CfmrException error = assertThrows(CfmrException.class, () -> {
      try (RatingsReader reader = RatingsReader.open(RatingsInput.locate(file, conf), conf)) {
        while (reader.next() != null) {
          // read to the end
        }
      }
    });
    assertEquals(file + expected.substring("bad.csv".length()), error.getMessage());
  }

  private Path write(String name, String content) throws IOException {
    java.nio.file.Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return new Path(file.toUri());
  }
}
