package org.cfmr.core.factors;

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
import org.cfmr.core.runtime.CfmrException;

/**
 * One side's factor vectors (users' or items'): the ids ascending and their vectors in one flat
 * array, entity {@code e}'s at {@code values[e·rank .. (e+1)·rank)}. Read and written as a
 * {@link FactorFile}.
 */
public final class Factors {
  private final int rank;
  private final int[] ids;
  private final double[] values;

  /** Wraps {@code ids} (strictly ascending) and their {@code ids.length × rank} values. */
  public Factors(int rank, int[] ids, double[] values) {
    if (values.length != (long) ids.length * rank) {
      throw new IllegalArgumentException(ids.length + " ids need " + ids.length * rank
          + " values, not " + values.length);
    }
    this.rank = rank;
    this.ids = ids;
    this.values = values;
  }

  public int rank() {
    return rank;
  }

  public int size() {
    return ids.length;
  }

  public int id(int index) {
    return ids[index];
  }

  /** The flat array of all vectors (shared, not copied). */
  public double[] values() {
    return values;
  }

  /** The position of {@code id}'s vector (its index times the rank is its offset), or −1. */
  public int indexOf(int id) {
    int at = Arrays.binarySearch(ids, id);
    return at >= 0 ? at : -1;
  }

  /** The dot product of entity {@code index}'s vector with {@code other}'s entity {@code otherIndex}. */
  public double dot(int index, Factors other, int otherIndex) {
    double sum = 0;
    int a = index * rank;
    int b = otherIndex * other.rank;
    for (int f = 0; f < rank; f++) {
      sum += values[a + f] * other.values[b + f];
    }
    return sum;
  }

  /** Writes the factor file, one line per id ascending. */
  public void write(Path file, Configuration conf) {
    try (Writer out = new BufferedWriter(new OutputStreamWriter(
        file.getFileSystem(conf).create(file, true), StandardCharsets.UTF_8), 1 << 16)) {
      for (int e = 0; e < ids.length; e++) {
        out.write(FactorFile.formatLine(ids[e], values, e * rank, rank));
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
}
