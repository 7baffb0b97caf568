package org.cfmr.sql;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A local temporary file in the text format {@code LOAD DATA} reads by default (fields separated
 * by tabs, rows by {@code \n}, backslash escapes, {@code \N} for NULL), UTF-8. The loader writes
 * what it validated, so the database reads exactly that.
 */
final class TsvWriter implements AutoCloseable {
  private final Path path;
  private final Writer out;
  private boolean rowStarted;
  private long rows;

  TsvWriter(Path path) {
    this.path = path;
    try {
      this.out = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  TsvWriter text(String value) {
    separate();
    if (value == null) {
      write("\\N");
      return this;
    }
    StringBuilder escaped = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case '\t' -> escaped.append("\\t");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\0' -> escaped.append("\\0");
        default -> escaped.append(c);
      }
    }
    write(escaped.toString());
    return this;
  }

  /** A number or other value whose text needs no escaping. */
  TsvWriter plain(Object value) {
    separate();
    write(value == null ? "\\N" : value.toString());
    return this;
  }

  void endRow() {
    write("\n");
    rowStarted = false;
    rows++;
  }

  long rows() {
    return rows;
  }

  Path path() {
    return path;
  }

  private void separate() {
    if (rowStarted) {
      write("\t");
    }
    rowStarted = true;
  }

  private void write(String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }
}
