package org.cfmr.preprocess.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticMoviesTest {
  @TempDir Path dir;

  @Test
  void moviesTakeTheRealTitlesInTurnNumberedFromTheSecondRound() throws IOException {
    Path real = dir.resolve("movies.csv");
    Files.writeString(real, "movieId,title,genres\n"
        + "1,Toy Story (1995),Animation|Comedy\n"
        + "7,\"Lord of the Rings, The (1978)\",Fantasy\n"
        + "9,Untitled,(no genres listed)\n");
    StringWriter out = new StringWriter();
    SyntheticMovies.from(real).writeMovies(out, 7);
    List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(out.toString())).getRecords();
    assertEquals(List.of(
        List.of("movieId", "title", "genres"),
        List.of("1", "Toy Story (1995)", "Animation|Comedy"),
        List.of("2", "Lord of the Rings, The (1978)", "Fantasy"),
        List.of("3", "Untitled", "(no genres listed)"),
        List.of("4", "Toy Story 2 (1995)", "Animation|Comedy"),
        List.of("5", "Lord of the Rings, The 2 (1978)", "Fantasy"),
        List.of("6", "Untitled 2", "(no genres listed)"),
        List.of("7", "Toy Story 3 (1995)", "Animation|Comedy")),
        rows.stream().map(CSVRecord::toList).toList());
  }

  @Test
  void linksNameEveryMovieWithoutIds() throws IOException {
    StringWriter out = new StringWriter();
    SyntheticMovies.writeLinks(out, 3);
    assertEquals("movieId,imdbId,tmdbId\n1,,\n2,,\n3,,\n", out.toString());
  }
}
