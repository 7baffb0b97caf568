package org.cfmr.sql;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of a movie title as the library's search matches them, in {@code movie_title_words}:
 * the runs of letters and digits of the text, in lower case and without accents (compatibility
 * decomposition, combining marks dropped), each cut to {@value #MAX_LENGTH} characters, each once.
 * A query is split the same way, and finds the titles in which every one of its words begins a
 * word: {@code "toy sto"} finds {@code Toy Story (1995)}, {@code "amelie"} finds
 * {@code Amélie (Fabuleux destin d'Amélie Poulain, Le) (2001)}. A word holds no {@code %} or
 * {@code _}, so that it can be given to {@code LIKE 'word%'} as it is.
 */
public final class TitleWords {
  /** The longest word kept, in characters (code points): the column's width. */
  public static final int MAX_LENGTH = 64;
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

  private TitleWords() {}

  /** The words of {@code text}, in the order they first appear. */
  public static Set<String> of(String text) {
    String plain = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
        .replaceAll("").toLowerCase(Locale.ROOT);
    Set<String> words = new LinkedHashSet<>();
    for (String word : SEPARATORS.split(plain)) {
      if (!word.isEmpty()) {
        words.add(word.codePointCount(0, word.length()) <= MAX_LENGTH ? word
            : word.substring(0, word.offsetByCodePoints(0, MAX_LENGTH)));
      }
    }
    return words;
  }
}
