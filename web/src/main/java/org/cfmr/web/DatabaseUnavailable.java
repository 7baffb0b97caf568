package org.cfmr.web;

/** The database cannot be reached or holds no loaded tables: the app answers 503 until it can. */
public final class DatabaseUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
