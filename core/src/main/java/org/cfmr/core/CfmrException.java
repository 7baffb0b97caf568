package org.cfmr.core;

/**
 * An error the user can act on (bad input, a missing file, an existing output): its message is
 * one line, printed as is by {@code bin/cfmr}, which then exits non-zero.
 */
public class CfmrException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CfmrException(String message) {
    super(message);
  }

  public CfmrException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An error in an input file, as {@code file:line: reason}. */
  public static CfmrException atLine(String file, long line, String reason) {
    return new CfmrException(file + ":" + line + ": " + reason);
  }
}
