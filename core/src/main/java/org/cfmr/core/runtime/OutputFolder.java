package org.cfmr.core.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;
import org.cfmr.core.CfmrException;

/**
 * How every command writes its files into an output folder (any Hadoop file system), so that a
 * failed or killed run leaves the old complete result or the new complete one, never a mix or a
 * half-written file:
 *
 * <ul>
 *   <li>The files are written under a hidden staging folder ({@code _cfmr-staging-<random>},
 *       ignored by Hadoop's input formats) and moved into place only by {@link #commit()}, all
 *       together: many renames are made one unit by a {@link CommitJournal journal}, so a kill
 *       during the commit is finished by whoever opens the folder next.
 *   <li>A result (what {@link #forResult} opens: a split, neighbour files, recommendations, a
 *       pipeline's folder) gets a {@link ResultManifest manifest}, written last, that readers
 *       ({@link ResultFolder}) check the files against. A file written into a folder that has a
 *       manifest ({@link #forFiles}, e.g. {@code evaluate --json}) is entered in it too.
 *   <li>An existing file is replaced only when the user asked for it ({@code --overwrite}), and a
 *       folder never: an option that names a file does not delete a folder of that name.
 *   <li>Opening a folder finishes the commit a kill interrupted there and removes the staging
 *       folders of runs that are no longer running.
 * </ul>
 *
 * <pre>{@code
 * try (OutputFolder out = OutputFolder.forResult(dir, List.of("a.txt"), overwrite, stage, conf)) {
 *   write(out.staged("a.txt"));
 *   out.commit();
 * } // not committed: the staging folder is removed, the old a.txt (if any) is untouched
 * }</pre>
 */
public final class OutputFolder implements AutoCloseable {
  /**
   * For kill tests: halt the JVM (as {@code kill -9} would) right after this step of a commit
   * (1: manifest staged, 2: marker written, 3: old manifest deleted, then one per file moved).
   */
  public static final String HALT_AFTER_COMMIT_STEP = "cfmr.test.halt-after-commit-step";

  private final FileSystem fs;
  private final Path folder;
  private final Path staging;
  private final List<String> names;
  private final ResultStage stage;
  private final boolean folderIsNew;
  private final CommitJournal.Steps steps;
  /** The command's configuration: a cached file system's own may be another command's. */
  private final Configuration conf;
  private boolean committed;

  private OutputFolder(FileSystem fs, Path folder, Path staging, List<String> names,
      ResultStage stage, boolean folderIsNew, CommitJournal.Steps steps, Configuration conf) {
    this.fs = fs;
    this.conf = conf;
    this.folder = folder;
    this.staging = staging;
    this.names = names;
    this.stage = stage;
    this.folderIsNew = folderIsNew;
    this.steps = steps;
  }

  /**
   * Opens {@code folder} (created when missing) for writing the result files {@code names} of
   * {@code stage}, recorded in the folder's manifest.
   *
   * @throws CfmrException when one of them is a folder, or exists and {@code overwrite} is false
   */
  public static OutputFolder forResult(Path folder, List<String> names, boolean overwrite,
      ResultStage stage, Configuration conf) {
    return open(folder, names, overwrite, stage, conf);
  }

  /**
   * Opens {@code folder} (created when missing) for writing the plain files {@code names} (a
   * report, a generated dataset): a manifest is kept only when the folder has one.
   *
   * @throws CfmrException when one of them is a folder, or exists and {@code overwrite} is false
   */
  public static OutputFolder forFiles(Path folder, List<String> names, boolean overwrite,
      Configuration conf) {
    return open(folder, names, overwrite, null, conf);
  }

  private static OutputFolder open(Path folder, List<String> names, boolean overwrite,
      ResultStage stage, Configuration conf) {
    try {
      FileSystem fs = folder.getFileSystem(conf);
      Path qualified = fs.makeQualified(folder);
      boolean folderIsNew = !fs.exists(qualified);
      if (!folderIsNew && !fs.getFileStatus(qualified).isDirectory()) {
        throw new CfmrException("output " + folder + " is a file, not a folder");
      }
      CommitJournal.recover(fs, qualified);
      for (String name : names) {
        refuseToReplace(fs, new Path(qualified, name), new Path(folder, name), overwrite);
      }
      Path staging = CommitJournal.createStaging(fs, qualified, UUID.randomUUID().toString());
      return new OutputFolder(fs, qualified, staging, List.copyOf(names), stage, folderIsNew,
          haltAfter(conf.getInt(HALT_AFTER_COMMIT_STEP, 0)), conf);
    } catch (IOException e) {
      throw new CfmrException("cannot write to " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * Refuses {@code file} as an output before any work is done: a folder always, an existing file
   * unless {@code overwrite}, so that a user does not wait for a result that will not be written.
   */
  public static void requireReplaceable(Path file, boolean overwrite, Configuration conf) {
    try {
      FileSystem fs = file.getFileSystem(conf);
      refuseToReplace(fs, fs.makeQualified(file), file, overwrite);
    } catch (IOException e) {
      throw new CfmrException("cannot check " + file + ": " + ErrorMessages.of(e), e);
    }
  }

  private static void refuseToReplace(FileSystem fs, Path target, Path shown, boolean overwrite)
      throws IOException {
    if (!fs.exists(target)) {
      return;
    }
    if (fs.getFileStatus(target).isDirectory()) {
      throw new CfmrException(shown + " is a folder; an output file never replaces a folder");
    }
    if (!overwrite) {
      throw new CfmrException(shown + " exists; pass --overwrite to replace it");
    }
  }

  private static CommitJournal.Steps haltAfter(int step) {
    if (step <= 0) {
      return CommitJournal.Steps.NONE;
    }
    return (number, name) -> {
      if (number == step) {
        System.err.println("cfmr: halting after commit step " + number + " (" + name + ")");
        Runtime.getRuntime().halt(137);
      }
    };
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
      FileSystem partsFs = partsFolder.getFileSystem(conf);
      FileStatus[] parts = partsFs.listStatus(partsFolder, path -> path.getName().startsWith("part-"));
      Arrays.sort(parts, (x, y) -> x.getPath().getName().compareTo(y.getPath().getName()));
      try (OutputStream out = fs.create(staged(name), true)) {
        for (FileStatus part : parts) {
          try (InputStream in = partsFs.open(part.getPath())) {
            IOUtils.copyBytes(in, out, 1 << 16, false);
          }
        }
      }
    } catch (IOException | FSError e) {
      throw new CfmrException("cannot assemble " + target(name) + ": " + ErrorMessages.of(e), e);
    }
  }

  /**
   * Moves every staged file into place, replacing what was there, with the folder's manifest
   * updated, and removes the staging folder.
   */
  public void commit() {
    try {
      requireAllStaged();
      ResultManifest manifest = ResultManifest.read(fs, folder);
      if (stage == null && manifest == null) {
        for (String name : names) {
          move(staged(name), target(name));
        }
      } else {
        Map<String, ResultManifest.Entry> entries = new LinkedHashMap<>();
        for (String name : names) {
          entries.put(name, ResultManifest.describe(fs, staged(name),
              stage == null ? null : stage.name()));
        }
        ResultManifest updated = (manifest == null ? ResultManifest.empty() : manifest)
            .with(fs.makeQualified(folder), entries, stage);
        CommitJournal.commit(fs, folder, staging, updated, steps);
      }
      committed = true;
      removeStaging();
    } catch (IOException e) {
      throw new CfmrException("cannot write " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * Deletes the staging folder. On an object store (S3 through S3A) the folder has been seen
   * listed after its delete returned, so a folder still there is deleted once more.
   */
  private void removeStaging() throws IOException {
    fs.delete(staging, true);
    if (fs.exists(staging)) {
      fs.delete(staging, true);
    }
  }

  private void requireAllStaged() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      if (!fs.exists(staged(name))) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("nothing was written for " + missing);
    }
  }

  private void move(Path from, Path to) throws IOException {
    if (fs.exists(to) && !fs.delete(to, false)) {
      throw new IOException("cannot replace " + to);
    }
    if (!fs.rename(from, to)) {
      throw new IOException("cannot move " + from + " to " + to);
    }
  }

  /**
   * Removes the staging folder, and the folder itself when it was made for a run that failed. A
   * commit that failed after its marker was written is finished instead (or, failing that, left
   * to whoever opens the folder next).
   */
  @Override
  public void close() {
    try {
      if (!committed && CommitJournal.pending(fs, folder)) {
        CommitJournal.recover(fs, folder);
        return;
      }
      removeStaging();
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
