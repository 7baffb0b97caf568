package org.cfmr.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TitleWordsTest {
  @Test
  void wordsAreLowerCaseRunsOfLettersAndDigitsWithoutAccents() {
    assertEquals(List.of("toy", "story", "1995"), List.copyOf(TitleWords.of("Toy Story (1995)")));
    assertEquals(List.of("amelie", "fabuleux", "destin", "d", "poulain", "le", "2001"),
        List.copyOf(TitleWords.of("Amélie (Fabuleux destin d'Amélie Poulain, Le) (2001)")));
    assertEquals(List.of("wall", "e", "2008"), List.copyOf(TitleWords.of("WALL·E (2008)")));
    assertEquals(List.of("50", "first", "dates"), List.copyOf(TitleWords.of("50% First_Dates")));
    assertEquals(List.of("千と千尋の神隠し"), List.copyOf(TitleWords.of("千と千尋の神隠し")));
    assertEquals(List.of(), List.copyOf(TitleWords.of(" %_!' ")));
  }

  @Test
  void aLongWordIsCutToTheColumnsWidthInCodePoints() {
    String letters = "𠀀".repeat(70);
    String word = TitleWords.of(letters + " b").iterator().next();
    assertEquals(TitleWords.MAX_LENGTH, word.codePointCount(0, word.length()));
    assertEquals("𠀀".repeat(TitleWords.MAX_LENGTH), word);
  }
}
