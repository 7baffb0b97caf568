package org.cfmr.core;

/**
 * A command line that cannot be run: an option value out of its range, options that do not go
 * together. {@code bin/cfmr} prints its one-line message and exits 2, as for the usage errors its
 * option parser finds (an unknown option, a value that is not a number).
 */
public class UsageException extends CfmrException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
