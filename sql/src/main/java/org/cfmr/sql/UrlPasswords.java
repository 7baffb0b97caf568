package org.cfmr.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passwords written inside a {@code --jdbc-url} ({@code user:secret@host}, or a property such
 * as {@code password=secret} or {@code trustCertificateKeyStorePassword=secret}), hidden as
 * {@code ***} in every message that shows the URL or a driver message about it, which may quote
 * the URL.
 */
public final class UrlPasswords {
  private static final String HIDDEN = "***";
  /** {@code user:secret@} after {@code //} or, in a list of hosts, a comma. */
  private static final Pattern IN_AUTHORITY = Pattern.compile("(?<=//|,)[^/@:?,]*:([^/@?,]+)@");
  /** A property whose name contains "password", in the query or a {@code (key=value)} host. */
  private static final Pattern AS_PROPERTY =
      Pattern.compile("(?i)[?&;(][\\w.-]*password[\\w.-]*=([^&;)#]+)");

  private UrlPasswords() {}

  /** {@code text} with every password of {@code jdbcUrl} replaced by {@code ***}. */
  public static String hide(String text, String jdbcUrl) {
    String hidden = text;
    for (String secret : secrets(jdbcUrl)) {
      hidden = hidden.replace(secret, HIDDEN);
    }
    return hidden;
  }

  /** The URL as messages show it. */
  public static String shown(String jdbcUrl) {
    return hide(jdbcUrl, jdbcUrl);
  }

  private static List<String> secrets(String jdbcUrl) {
    List<String> secrets = new ArrayList<>();
    for (Pattern pattern : List.of(IN_AUTHORITY, AS_PROPERTY)) {
      Matcher matcher = pattern.matcher(jdbcUrl);
      while (matcher.find()) {
        secrets.add(matcher.group(1));
      }
    }
    return secrets;
  }
}
