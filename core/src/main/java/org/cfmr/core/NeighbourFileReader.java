package org.cfmr.core;

import java.io.IOException;
import java.io.Reader;
import org.cfmr.core.CfmrException;

/**
 * Reads a neighbour file ({@link NeighbourFileFormat}) line by line, each line parsed and checked, and
 * checks what holds across lines: ids strictly ascending (one line per entity), and a line break
 * after every line, so that a file cut short in a copy or by a full disk, even at the end of a
 * neighbour, is refused rather than read as a file with fewer neighbours.
 *
 * <pre>{@code
 * NeighbourFileReader reader = new NeighbourFileReader(path.toString(), in);
 * for (NeighbourFileFormat.Line line = reader.next(); line != null; line = reader.next()) { ... }
 * }</pre>
 */
public final class NeighbourFileReader {
  private final String source;
  private final Reader in;
  private final char[] buffer = new char[1 << 16];
  private final StringBuilder text = new StringBuilder(1024);
  private int position;
  private int limit;
  private long lineNumber;
  private int previousId = -1;

  /** Reads from {@code in}; {@code source} names the file in errors. */
  public NeighbourFileReader(String source, Reader in) {
    this.source = source;
    this.in = in;
  }

  /**
   * The next line, or null at the end of the file.
   *
   * @throws CfmrException as {@code file:line: reason} for a malformed, out-of-order or
   *     unterminated line
   * @throws IOException when the file cannot be read
   */
  public NeighbourFileFormat.Line next() throws IOException {
    boolean terminated = readLine();
    if (!terminated && text.isEmpty()) {
      return null;
    }
    lineNumber++;
    if (!terminated) {
      throw error("the last line has no line break: the file is cut short");
    }
    NeighbourFileFormat.Line line;
    try {
      line = NeighbourFileFormat.parseLine(text.toString());
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
    if (line.id() <= previousId) {
      throw error("entity " + line.id() + " is not after the previous line's " + previousId
          + " (the file must be sorted by id, one line per entity)");
    }
    previousId = line.id();
    return line;
  }

  /** The number of the line {@link #next()} returned last (1-based). */
  public long lineNumber() {
    return lineNumber;
  }

  /** Reads up to the next line break into {@code text}; false when the file ended first. */
  private boolean readLine() throws IOException {
    text.setLength(0);
    while (true) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return false;
        }
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      text.append(buffer, start, position - start);
      if (position < limit) {
        position++;
        return true;
      }
    }
  }

  private CfmrException error(String reason) {
    return CfmrException.atLine(source, lineNumber, reason);
  }
}
