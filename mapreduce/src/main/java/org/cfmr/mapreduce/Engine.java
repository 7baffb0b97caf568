package org.cfmr.mapreduce;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.CfmrException;

/**
 * Which engine computes the neighbour files ({@code --engine}); both give byte-identical files.
 * {@code auto} (the default) picks {@code memory} when the train file is on the local file system
 * and {@value #BYTES_PER_FILE_BYTE} × its size + {@value #HEADROOM_MIB} MiB fits in the free heap
 * (a train line is at least 16 bytes and the engine needs about 60 bytes a rating while it reads
 * and builds its arrays, plus per-thread rows), otherwise the MapReduce chain.
 */
public enum Engine {
  AUTO,
  MEMORY,
  MAPREDUCE;

  static final int BYTES_PER_FILE_BYTE = 4;
  static final int HEADROOM_MIB = 256;

  /** The engine {@code auto} stands for with this train file; other engines are themselves. */
  public Engine resolve(Path train, Configuration conf) {
    if (this != AUTO) {
      return this;
    }
    try {
      FileSystem fs = train.getFileSystem(conf);
      if (!"file".equals(fs.getUri().getScheme())) {
        return MAPREDUCE;
      }
      long size = fs.getFileStatus(train).getLen();
      return fitsInHeap(size, freeHeap()) ? MEMORY : MAPREDUCE;
    } catch (java.io.FileNotFoundException e) {
      throw new CfmrException("no such train file: " + train);
    } catch (IOException e) {
      throw new CfmrException("cannot read " + train + ": " + e.getMessage(), e);
    }
  }

  static boolean fitsInHeap(long trainBytes, long freeHeapBytes) {
    return BYTES_PER_FILE_BYTE * trainBytes + ((long) HEADROOM_MIB << 20) <= freeHeapBytes;
  }

  private static long freeHeap() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
  }

  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
