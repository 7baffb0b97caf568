package org.cfmr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.cfmr.core.CfmrException;
import org.junit.jupiter.api.Test;

/** movies.csv's genres, quoted titles and all, and a bad line named with its number. */
class MovieGenresTest {
  @Test
  void readsEachMoviesGenres() throws IOException {
    MovieGenres genres = MovieGenres.read(new StringReader("""
        movieId,title,genres
        1,"Toy Story (1995)",Adventure|Animation|Children
        2,"American President, The (1995)",Comedy|Drama|Romance
        3,Untitled,(no genres listed)
        """), "movies.csv");
    assertEquals(List.of("Adventure", "Animation", "Children"), genres.of(1));
    assertEquals(List.of("Comedy", "Drama", "Romance"), genres.of(2));
    assertEquals(List.of("(no genres listed)"), genres.of(3));
    assertEquals(List.of(), genres.of(4));
  }

  @Test
  void aBadMovieIdIsNamedWithItsLine() {
    CfmrException error = assertThrows(CfmrException.class, () -> MovieGenres.read(
        new StringReader("movieId,title,genres\n1,A,Drama\nx,B,Comedy\n"), "movies.csv"));
    assertEquals("movies.csv:3: expected a movieId, found 'x'", error.getMessage());
  }
}
