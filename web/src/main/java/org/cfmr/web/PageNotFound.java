package org.cfmr.web;

/** An id that names nothing (no such user, movie or new user): the app answers 404. */
public final class PageNotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PageNotFound(String message) {
    super(message);
  }
}
