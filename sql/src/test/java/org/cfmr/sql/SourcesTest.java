package org.cfmr.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.CfmrException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input files' checks and their conversion to LOAD DATA rows, on tiny hand-written files. */
class SourcesTest {
  @TempDir Path temp;

  /** Converts {@code text} with {@code copier}; returns the LOAD DATA file's lines. */
  private List<String> convert(String text, BiConsumer<InputFile, TsvWriter> copier) throws IOException {
    Path input = temp.resolve("input.txt");
    Files.writeString(input, text, StandardCharsets.UTF_8);
    Path output = temp.resolve("output.tsv");
    try (InputFile in = InputFile.open(new org.apache.hadoop.fs.Path(input.toUri()), new Configuration());
        TsvWriter out = new TsvWriter(output)) {
      copier.accept(in, out);
    }
    return Files.readAllLines(output, StandardCharsets.UTF_8);
  }

  private String error(String text, BiConsumer<InputFile, TsvWriter> copier) {
    CfmrException error = assertThrows(CfmrException.class, () -> convert(text, copier));
    String prefix = new org.apache.hadoop.fs.Path(temp.resolve("input.txt").toUri()) + ":";
    return error.getMessage().replace(prefix, "");
  }

  /** Users 1 {1,2,3}, 2 {1,2}, 3 {2,3}, 4 {3,5}; movie 4 has no train ratings. */
  @Test
  void itemNeighboursEndWithTheirCoRaterCount() throws IOException {
    CoRaterCounts coRaters = new CoRaterCounts();
    int[][] rated = {{1, 1}, {1, 2}, {1, 3}, {2, 2}, {2, 1}, {3, 3}, {3, 2}, {4, 5}, {4, 3}};
    for (int[] rating : rated) {
      coRaters.add(new org.cfmr.core.Rating(rating[0], rating[1], 8, 0));
    }
    assertEquals(List.of(
        "1\t1\t2\t0.500000\t2", "1\t2\t3\t0.250000\t1",
        "2\t1\t3\t0.900000\t2", "2\t2\t1\t0.100000\t2",
        "3\t1\t5\t0.700000\t1", "3\t2\t4\t0.600000\t0", "3\t3\t1\t0.010000\t1",
        "4\t1\t7\t0.300000\t0"),
        convert("1\t2:0.500000,3:0.250000\n2\t3:0.900000,1:0.100000\n"
            + "3\t5:0.700000,4:0.600000,1:0.010000\n4\t7:0.300000\n",
            (in, out) -> NeighboursSource.copyWithSupport(in, out, coRaters)));
  }

  @Test
  void moviesKeepQuotedTitlesAndTakeTheTrailingYear() throws IOException {
    assertEquals(List.of(
        "11\tAmerican President, The (1995)\t1995\tComedy|Drama|Romance\t2",
        "7789\t11'09\"01 - September 11 (2002)\t2002\tDrama\t1",
        "3\t臥虎藏龍 \\\\ \\t (2000) \t2000\t(no genres listed)\t4",
        "4\tNo year (yet)\t\\N\tDrama\t3"),
        convert("movieId,title,genres\r\n"
            + "11,\"American President, The (1995)\",Comedy|Drama|Romance\r\n"
            + "7789,\"11'09\"\"01 - September 11 (2002)\",Drama\r\n"
            + "3,\"臥虎藏龍 \\ \t (2000) \",(no genres listed)\r\n"
            + "4,No year (yet),Drama\r\n", MoviesSource::copyMovies));
  }

  /** Letters first, then accents, then case; equal titles by id. */
  @Test
  void titleOrderIsAlphabeticalWhateverTheCaseAndAccents() throws IOException {
    List<String> rows = convert("movieId,title,genres\n1,b,Drama\n2,Á,Drama\n3,a,Drama\n"
        + "4,Z,Drama\n5,a,Drama\n6,ab,Drama\n", MoviesSource::copyMovies);
    assertEquals(List.of("1:5", "2:3", "3:1", "4:6", "5:2", "6:4"), rows.stream()
        .map(row -> row.split("\t")[0] + ":" + row.split("\t")[4]).toList());
  }

  @Test
  void movieErrorsNameTheLine() {
    assertEquals("3: expected 3 fields (movieId,title,genres) but found 2",
        error("movieId,title,genres\n1,A (1995),Drama\n2,B (1996)\n", MoviesSource::copyMovies));
    assertEquals("3: movie 1 appears twice",
        error("movieId,title,genres\n1,A (1995),Drama\n1,B (1996),Drama\n", MoviesSource::copyMovies));
    assertEquals("4: movieId 'x' is not a non-negative integer",
        error("movieId,title,genres\n1,\"A\nmultiline title (1995)\",Drama\nx,B,Drama\n",
            MoviesSource::copyMovies));
    assertEquals("1: expected the header 'movieId,title,genres' but found 'id,name'",
        error("id,name\n", MoviesSource::copyMovies));
    assertEquals("1: the file is empty (expected the header 'movieId,title,genres')",
        error("", MoviesSource::copyMovies));
    assertEquals("2: malformed CSV: Invalid character between encapsulated token and delimiter at "
        + "line: 2, position: 30",
        error("movieId,title,genres\n1,\"A (1\"995)\",Drama\n", MoviesSource::copyMovies));
  }

  @Test
  void linksKeepImdbLeadingZerosAndAllowAnEmptyTmdbId() throws IOException {
    assertEquals(List.of("1\t0114709\t862", "791\t0113610\t\\N"),
        convert("movieId,imdbId,tmdbId\r\n1,0114709,862\r\n791,0113610,\r\n", MoviesSource::copyLinks));
    assertEquals("2: tmdbId 'abc' is not a non-negative integer",
        error("movieId,imdbId,tmdbId\n1,0114709,abc\n", MoviesSource::copyLinks));
  }

  @Test
  void neighboursBecomeOneRowPerNeighbourWithItsRank() throws IOException {
    assertEquals(List.of("1\t1\t7\t0.912345", "1\t2\t3\t-0.000001", "4\t1\t1\t1.000000"),
        convert("1\t7:0.912345,3:-0.000001\n4\t1:1.000000\n", NeighboursSource::copy));
  }

  @Test
  void neighbourErrorsNameTheLine() {
    assertEquals("2: entity 1 is not after the previous line's 1 (the file must be sorted by id, "
        + "one line per entity)", error("1\t2:0.500000\n1\t3:0.500000\n", NeighboursSource::copy));
    assertEquals("1: 1 is listed as its own neighbour",
        error("1\t1:0.500000\n", NeighboursSource::copy));
    assertEquals("1: neighbour 2 appears twice",
        error("1\t2:0.500000,2:0.400000\n", NeighboursSource::copy));
    assertEquals("2: neighbour '3=0.5' is not 'id:similarity'",
        error("1\t2:0.500000\n2\t3=0.5\n", NeighboursSource::copy));
    assertEquals("1: similarity 1.500000 of neighbour 2 is outside [-1, 1]",
        error("1\t2:1.500000\n", NeighboursSource::copy));
    assertEquals("1: similarity 'NaN' of neighbour 2 is not a number printed with 6 decimals",
        error("1\t2:NaN\n", NeighboursSource::copy));
    assertEquals("2: the last line has no line break: the file is cut short",
        error("1\t2:0.500000\n2\t1:0.500000", NeighboursSource::copy));
  }

  @Test
  void predictionsAreRankedWithinEachUser() throws IOException {
    assertEquals(List.of("1\tuser\t1\t10\t4.5", "1\tuser\t2\t20\t4.25", "2\tuser\t1\t10\t3.0"),
        convert("1,10,4.500000\n1,20,4.25\n2,10,3\n", (in, out) -> PredictionsSource.copy(in, out, PredictionMethod.USER)));
    assertEquals(List.of("7\tals\t1\t30\t4.75", "7\tals\t2\t10\t4.5"),
        convert("7,30,4.75\n7,10,4.5\n", (in, out) -> PredictionsSource.copy(in, out, PredictionMethod.ALS)));
  }

  @Test
  void predictionErrorsNameTheLine() {
    BiConsumer<InputFile, TsvWriter> copier = (in, out) -> PredictionsSource.copy(in, out, PredictionMethod.ITEM);
    assertEquals("3: user 1 appears again after other users (each user's recommendations must be "
        + "on consecutive lines)", error("1,10,4.5\n2,10,4.5\n1,20,4.0\n", copier));
    assertEquals("2: movie 10 is recommended twice to user 1", error("1,10,4.5\n1,10,4.0\n", copier));
    assertEquals("1: prediction 'high' is not a number", error("1,10,high\n", copier));
    assertEquals("1: prediction 'NaN' is not a finite number", error("1,10,NaN\n", copier));
    assertEquals("1: expected 3 fields 'userId,movieId,prediction' but found 2", error("1,10\n", copier));
  }

  @Test
  void ratingsAreCheckedWithCoresParserAndDuplicatesFound() throws IOException {
    RatingsSource ratings = new RatingsSource();
    assertEquals(List.of("1\t10\t4.5\t964982703", "2\t10\t3.0\t5"),
        convert("1,10,4.5,964982703\n2,10,3,5\n", ratings::copy));
    assertEquals(-1, ratings.firstDuplicate());
    assertEquals("2: rating 5.5 is outside the scale 0.5–5.0 in half stars",
        error("1,10,4.5,1\n1,11,5.5,1\n", new RatingsSource()::copy));
    RatingsSource twice = new RatingsSource();
    convert("1,10,4.5,1\n2,10,3,5\n1,10,2,7\n", twice::copy);
    assertEquals(RatingsSource.key(1, 10), twice.firstDuplicate());
  }

  @Test
  void invalidUtf8IsAnErrorNotAReplacementCharacter() throws IOException {
    Path input = temp.resolve("input.txt");
    Files.write(input, new byte[] {'1', '\t', '2', ':', '0', '.', '5', (byte) 0xC3, '\n'});
    CfmrException error = assertThrows(CfmrException.class, () -> {
      try (InputFile in = InputFile.open(new org.apache.hadoop.fs.Path(input.toUri()), new Configuration());
          TsvWriter out = new TsvWriter(temp.resolve("out.tsv"))) {
        NeighboursSource.copy(in, out);
      }
    });
    assertEquals(":0: cannot read: Input length = 1", error.getMessage().replaceAll("^.*input.txt", ""));
  }

  @Test
  void yearIsTheTrailingFourDigitsInParentheses() {
    assertEquals(1995, MoviesSource.year("Heat (1995)"));
    assertEquals(2006, MoviesSource.year("Babel (2006) "));
    assertNull(MoviesSource.year("Moonlight (2016"));
    assertNull(MoviesSource.year("Hyena Road"));
    assertNull(MoviesSource.year("Road (2006–2007)"));
  }
}
