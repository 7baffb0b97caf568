package org.cfmr.core.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;

/**
 * How every command writes its result files into an output folder (any Hadoop file system) so
 * that a failed or killed run never leaves a half-written file that looks complete: the files are
 * written under a hidden staging folder ({@code _cfmr-staging-<random>}, ignored by Hadoop's input
 * formats) and each is renamed into place only by {@link #commit()}. An existing result is
 * replaced only when the user asked for it ({@code --overwrite}).
 *
 * <pre>{@code
 * try (OutputFolder out = OutputFolder.create(dir, List.of("a.txt"), overwrite, conf)) {
 *   write(out.staged("a.txt"));
 *   out.commit();
 * } // not committed: the staging folder is removed, the old a.txt (if any) is untouched
 * }</pre>
 */
public final class OutputFolder implements AutoCloseable {
  private static final String STAGING_PREFIX = "_cfmr-staging-";

  private final FileSystem fs;
  private final Path folder;
  private final Path staging;
  private final List<String> names;
  private final boolean folderIsNew;
  private boolean committed;

  private OutputFolder(FileSystem fs, Path folder, Path staging, List<String> names,
      boolean folderIsNew) {
    this.fs = fs;
    this.folder = folder;
    this.staging = staging;
    this.names = names;
    this.folderIsNew = folderIsNew;
  }

  /**
   * Opens {@code folder} (created when missing) for writing the files {@code names}.
   *
   * @throws CfmrException when one of them exists and {@code overwrite} is false
   */
  public static OutputFolder create(Path folder, List<String> names, boolean overwrite,
      Configuration conf) {
    try {
      FileSystem fs = folder.getFileSystem(conf);
      Path qualified = fs.makeQualified(folder);
      boolean folderIsNew = !fs.exists(qualified);
      if (!folderIsNew && !fs.getFileStatus(qualified).isDirectory()) {
        throw new CfmrException("output " + folder + " is a file, not a folder");
      }
      if (!overwrite) {
        for (String name : names) {
          if (fs.exists(new Path(qualified, name))) {
            throw new CfmrException(new Path(folder, name)
                + " exists; pass --overwrite to replace it");
          }
        }
      }
      Path staging = new Path(qualified, STAGING_PREFIX + UUID.randomUUID());
      if (!fs.mkdirs(staging)) {
        throw new IOException("cannot create " + staging);
      }
      return new OutputFolder(fs, qualified, staging, List.copyOf(names), folderIsNew);
    } catch (IOException e) {
      throw new CfmrException("cannot write to " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Where to write the file {@code name} (or a job's output folder of that name) before commit. */
  public Path staged(String name) {
    return new Path(staging, name);
  }

  /** The final place of {@code name}. */
  public Path target(String name) {
    return new Path(folder, name);
  }

  public FileSystem fileSystem() {
    return fs;
  }

  /**
   * Concatenates a job's {@code part-*} files in {@code partsFolder} (on any file system: a work
   * folder need not be on the output's), in name order, into the staged file {@code name}. With
   * parts of sorted, range-partitioned keys, the result is sorted.
   */
  public void concatenateParts(Path partsFolder, String name) {
    try {
      FileSystem partsFs = partsFolder.getFileSystem(fs.getConf());
      FileStatus[] parts = partsFs.listStatus(partsFolder, path -> path.getName().startsWith("part-"));
      Arrays.sort(parts, (x, y) -> x.getPath().getName().compareTo(y.getPath().getName()));
      try (OutputStream out = fs.create(staged(name), true)) {
        for (FileStatus part : parts) {
          try (InputStream in = partsFs.open(part.getPath())) {
            IOUtils.copyBytes(in, out, 1 << 16, false);
          }
        }
      }
    } catch (IOException e) {
      throw new CfmrException("cannot assemble " + target(name) + ": " + e.getMessage(), e);
    }
  }

  /** Moves every staged file into place, replacing what was there, and removes the staging folder. */
  public void commit() {
    try {
      List<String> missing = new ArrayList<>();
      for (String name : names) {
        if (!fs.exists(staged(name))) {
          missing.add(name);
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("nothing was written for " + missing);
      }
      for (String name : names) {
        Path target = target(name);
        if (fs.exists(target) && !fs.delete(target, true)) {
          throw new IOException("cannot replace " + target);
        }
        if (!fs.rename(staged(name), target)) {
          throw new IOException("cannot move " + staged(name) + " to " + target);
        }
      }
      committed = true;
      fs.delete(staging, true);
    } catch (IOException e) {
      throw new CfmrException("cannot write " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Removes the staging folder, and the folder itself when it was made for a run that failed. */
  @Override
  public void close() {
    try {
      fs.delete(staging, true);
      if (!committed && folderIsNew && fs.listStatus(folder).length == 0) {
        fs.delete(folder, false);
      }
    } catch (IOException e) {
      if (!committed) {
        throw new CfmrException("cannot remove " + staging + ": " + e.getMessage(), e);
      }
    }
  }
}
