package org.cfmr.preprocess.split;

/** Fails a split task on a bad line; its message is the {@link BadLine#encode() encoded} line. */
public final class BadLineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadLineException(BadLine line) {
    super(line.encode());
  }
}
