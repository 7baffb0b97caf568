package org.cfmr.core.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.CfmrException;
import org.cfmr.core.factors.FactorFile;
import org.cfmr.core.factors.FactorNeighbours;
import org.cfmr.core.factors.Factors;
import org.cfmr.core.runtime.Progress;

/** Factor files and neighbours-from-factors files on any Hadoop file system. */
public final class FactorFiles {
  private FactorFiles() {}

  /** Writes the factor file, one line per id ascending. */
  public static void write(Factors factors, Path file, Configuration conf) {
    try (Writer out = new BufferedWriter(new OutputStreamWriter(
        file.getFileSystem(conf).create(file, true), StandardCharsets.UTF_8), 1 << 16)) {
      for (int e = 0; e < factors.size(); e++) {
        out.write(FactorFile.formatLine(factors.id(e), factors.values(), e * factors.rank(),
            factors.rank()));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new CfmrException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a factor file whose lines are sorted by id.
   *
   * @param rank the rank every line must have, or 0 to take the first line's
   * @throws CfmrException as {@code file:line: reason} for a malformed line, a rank other than
   *     the expected one, or ids out of order
   */
  public static Factors read(Path file, int rank, Configuration conf) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        file.getFileSystem(conf).open(file), StandardCharsets.UTF_8), 1 << 16)) {
      int[] ids = new int[1024];
      double[] values = new double[ids.length * rank];
      int size = 0;
      long lineNumber = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        try {
          if (rank == 0) {
            int tab = line.indexOf('\t');
            rank = tab > 0 ? FactorFile.factorCount(line, tab) : 1;
            values = new double[ids.length * rank];
          }
          if (size == ids.length) {
            ids = Arrays.copyOf(ids, 2 * size);
            values = Arrays.copyOf(values, 2 * size * rank);
          }
          int id = FactorFile.parseLine(line, rank, values, size * rank);
          if (size > 0 && id <= ids[size - 1]) {
            throw new IllegalArgumentException("id " + id + " after " + ids[size - 1]
                + ": the lines must be sorted by id, each id once");
          }
          ids[size++] = id;
        } catch (IllegalArgumentException e) {
          throw CfmrException.atLine(file.toString(), lineNumber, e.getMessage());
        }
      }
      if (size == 0) {
        throw new CfmrException(file + ": no factors");
      }
      return new Factors(rank, Arrays.copyOf(ids, size), Arrays.copyOf(values, size * rank));
    } catch (FileNotFoundException e) {
      throw new CfmrException("no such factor file: " + file);
    } catch (IOException e) {
      throw new CfmrException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the neighbour file of {@code factors} ({@link FactorNeighbours}) to {@code file} with
   * {@code threads} threads and returns its number of lines (entities with a neighbour).
   */
  public static int writeNeighbours(Factors factors, int k, int threads, Path file,
      Configuration conf) {
    String[] lines;
    try (Progress progress = new Progress("neighbours from factors", factors.size())) {
      lines = FactorNeighbours.lines(factors, k, threads, progress::advance);
    }
    int written = 0;
    try (Writer out = new BufferedWriter(new OutputStreamWriter(
        file.getFileSystem(conf).create(file, true), StandardCharsets.UTF_8), 1 << 16)) {
      for (String line : lines) {
        if (line != null) {
          out.write(line);
          out.write('\n');
          written++;
        }
      }
    } catch (IOException e) {
      throw new CfmrException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return written;
  }
}
