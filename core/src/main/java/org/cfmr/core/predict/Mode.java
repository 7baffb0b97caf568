package org.cfmr.core.predict;

import java.util.Locale;

/** Which neighbours make a prediction: the user's (user-based) or the item's (item-based). */
public enum Mode {
  USER("user", "user-based"),
  ITEM("item", "item-based");

  private final String cliName;
  private final String title;

  Mode(String cliName, String title) {
    this.cliName = cliName;
    this.title = title;
  }

  /** {@code user} or {@code item}, as on the command line and in JSON keys. */
  public String cliName() {
    return cliName;
  }

  /** {@code user-based} or {@code item-based}, for tables. */
  public String title() {
    return title;
  }

  public static Mode parse(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (Mode mode : values()) {
      if (mode.cliName.equals(wanted)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("unknown mode '" + name + "' (expected user or item)");
  }

  @Override
  public String toString() {
    return cliName;
  }
}
