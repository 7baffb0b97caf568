package org.cfmr.core.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.CfmrException;
import org.cfmr.core.NeighbourFileReader;
import org.cfmr.core.predict.NeighbourLists;

/** Neighbour files read from any Hadoop file system into {@link NeighbourLists}. */
public final class NeighbourListsFile {
  private NeighbourListsFile() {}

  /**
   * Reads a neighbour file.
   *
   * @throws CfmrException as {@code file:line: reason} for a malformed, out-of-order or
   *     unterminated line ({@link NeighbourFileReader})
   */
  public static NeighbourLists read(Path file, Configuration conf) {
    try {
      FileSystem fs = file.getFileSystem(conf);
      try (Reader in = new InputStreamReader(fs.open(file), StandardCharsets.UTF_8)) {
        return NeighbourLists.parse(file.toString(), in);
      }
    } catch (FileNotFoundException e) {
      throw new CfmrException("no such neighbour file: " + file);
    } catch (IOException e) {
      throw new CfmrException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
