package org.cfmr.mapreduce.chain;

import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.SequenceFile;
import org.cfmr.core.EntityTotals;

/**
 * Every entity's train totals, as job 1's side output holds them, in memory (sorted ids and
 * parallel arrays, 20 bytes an entity: 200k users take 4 MB). Like Mahout's precomputed norms,
 * each task of job 3 reads the table from the file system in its setup.
 */
public final class EntityTotalsTable {
  private final int[] ids;
  private final long[] counts;
  private final long[] sums;

  private EntityTotalsTable(int[] ids, long[] counts, long[] sums) {
    this.ids = ids;
    this.counts = counts;
    this.sums = sums;
  }

  /** Reads every {@code part-*} SequenceFile of {@code folder}. */
  public static EntityTotalsTable read(Path folder, Configuration conf) throws IOException {
    FileSystem fs = folder.getFileSystem(conf);
    FileStatus[] parts = fs.listStatus(folder, path -> path.getName().startsWith("part-"));
    int[] readIds = new int[1024];
    long[] readCounts = new long[1024];
    long[] readSums = new long[1024];
    int size = 0;
    IntWritable key = new IntWritable();
    PartialTotalsWritable value = new PartialTotalsWritable();
    for (FileStatus part : parts) {
      try (SequenceFile.Reader reader =
          new SequenceFile.Reader(conf, SequenceFile.Reader.file(part.getPath()))) {
        while (reader.next(key, value)) {
          if (size == readIds.length) {
            readIds = Arrays.copyOf(readIds, size * 2);
            readCounts = Arrays.copyOf(readCounts, size * 2);
            readSums = Arrays.copyOf(readSums, size * 2);
          }
          readIds[size] = value.id();
          readCounts[size] = value.count();
          readSums[size] = value.halfStarSum();
          size++;
        }
      }
    }
    // The id in the high half, the row read in the low half: sorting orders the rows by id.
    long[] order = new long[size];
    for (int row = 0; row < size; row++) {
      order[row] = ((long) readIds[row] << 32) | row;
    }
    Arrays.sort(order);
    int[] ids = new int[size];
    long[] counts = new long[size];
    long[] sums = new long[size];
    for (int i = 0; i < size; i++) {
      int row = (int) order[i];
      ids[i] = readIds[row];
      counts[i] = readCounts[row];
      sums[i] = readSums[row];
    }
    return new EntityTotalsTable(ids, counts, sums);
  }

  /** The totals of {@code id}, or {@link EntityTotals#NONE} for an unknown id. */
  public EntityTotals get(int id) {
    int row = rowOf(id);
    return row < 0 ? EntityTotals.NONE : totalsAt(row);
  }

  /** The row of {@code id} (its rank among the ids, 0-based), or a negative number if unknown. */
  public int rowOf(int id) {
    return Arrays.binarySearch(ids, id);
  }

  /** The totals of the entity in {@code row}. */
  public EntityTotals totalsAt(int row) {
    return new EntityTotals(counts[row], sums[row]);
  }

  public int size() {
    return ids.length;
  }

  /** The ids, ascending. */
  public int[] ids() {
    return ids.clone();
  }
}
