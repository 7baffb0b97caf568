package org.cfmr.core;

import java.util.Locale;

/**
 * User–user or item–item: whose neighbours are computed ({@code cfmr neighbours}) and whose
 * neighbours make a prediction (user-based or item-based, {@code cfmr evaluate}).
 */
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

  /** Whether users are the entities whose neighbours are sought (items are then the pivots). */
  public boolean usersAreEntities() {
    return this == USER;
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
