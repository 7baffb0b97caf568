package org.cfmr.sql;

/** Strict parsing of the non-negative integer ids (users, movies) of the input files. */
final class Ids {
  private Ids() {}

  /**
   * @throws IllegalArgumentException naming {@code what} when {@code text} is not an id
   */
  static int parse(String text, String what) {
    boolean digits = !text.isEmpty();
    for (int i = 0; i < text.length() && digits; i++) {
      digits = text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }
    if (!digits || text.length() > 10) {
      throw new IllegalArgumentException(what + " '" + text + "' is not a non-negative integer");
    }
    long value = Long.parseLong(text);
    if (value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(what + " '" + text + "' is too large");
    }
    return (int) value;
  }
}
