package org.cfmr.core.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Commits the files of a staging folder into their result folder as one unit, although each
 * rename is a step of its own, by a journal (a commit marker): the staged manifest is written,
 * then the marker naming the staging folder; from then on the commit is decided. The old
 * manifest is deleted (a half-moved folder never looks complete), the files are renamed into
 * place, then the manifest, and the marker is removed. Whoever next opens the folder
 * ({@link #recover}) finishes a commit whose marker is still there, so a kill at any point leaves
 * the old result (before the marker) or, rolled forward, the new one.
 *
 * <p>Each staging folder holds its owner ({@code host pid}); {@link #recover} also removes
 * staging folders whose owner on this host is no longer running (killed runs').
 */
final class CommitJournal {
  static final String MARKER = "_cfmr-commit";
  static final String STAGING_PREFIX = "_cfmr-staging-";
  private static final String OWNER = "_cfmr-owner";

  /** Called after each step of a commit, with the step's number (from 1) and its name. */
  interface Steps {
    Steps NONE = (number, name) -> { };

    void after(int number, String name);
  }

  private CommitJournal() {}

  /** Makes a staging folder in {@code folder}, owned by this process. */
  static Path createStaging(FileSystem fs, Path folder, String id) throws IOException {
    Path staging = new Path(folder, STAGING_PREFIX + id);
    if (!fs.mkdirs(staging)) {
      throw new IOException("cannot create " + staging);
    }
    try (OutputStream out = fs.create(new Path(staging, OWNER), true)) {
      out.write(owner().getBytes(StandardCharsets.UTF_8));
    }
    return staging;
  }

  /**
   * Commits every file {@code manifest} lists that is in {@code staging} into {@code folder},
   * then {@code manifest} itself (see the class comment).
   */
  static void commit(FileSystem fs, Path folder, Path staging, ResultManifest manifest,
      Steps steps) throws IOException {
    manifest.write(fs, new Path(staging, ResultManifest.NAME));
    steps.after(1, "manifest staged");
    try (OutputStream out = fs.create(new Path(folder, MARKER), true)) {
      out.write(staging.getName().getBytes(StandardCharsets.UTF_8));
    }
    steps.after(2, "marker written");
    rollForward(fs, folder, staging, manifest, steps);
  }

  /** Whether {@code folder} holds a decided commit (a marker) not yet finished. */
  static boolean pending(FileSystem fs, Path folder) throws IOException {
    return fs.exists(new Path(folder, MARKER));
  }

  /**
   * Finishes the commit a kill interrupted in {@code folder}, if any, and removes the staging
   * folders of runs that are no longer running.
   */
  static void recover(FileSystem fs, Path folder) throws IOException {
    if (!fs.isDirectory(folder)) {
      return;
    }
    Path marker = new Path(folder, MARKER);
    if (fs.exists(marker)) {
      Path staging = new Path(folder, readMarker(fs, marker));
      ResultManifest manifest = ResultManifest.read(fs, staging);
      if (manifest != null) {
        rollForward(fs, folder, staging, manifest, Steps.NONE);
      } else {
        // Either the marker was cut while written (nothing moved yet), or everything, the
        // manifest included, is in place already: in both cases only the marker is left to go.
        fs.delete(marker, false);
      }
    }
    for (FileStatus status : fs.listStatus(folder,
        path -> path.getName().startsWith(STAGING_PREFIX))) {
      if (status.isDirectory() && !running(fs, status.getPath())) {
        fs.delete(status.getPath(), true);
      }
    }
  }

  private static void rollForward(FileSystem fs, Path folder, Path staging,
      ResultManifest manifest, Steps steps) throws IOException {
    fs.delete(new Path(folder, ResultManifest.NAME), false);
    int step = 3;
    steps.after(step++, "old manifest deleted");
    for (String name : manifest.files().keySet()) {
      Path staged = new Path(staging, name);
      if (fs.exists(staged)) {
        move(fs, staged, new Path(folder, name));
        steps.after(step++, "moved " + name);
      }
    }
    move(fs, new Path(staging, ResultManifest.NAME), new Path(folder, ResultManifest.NAME));
    steps.after(step++, "manifest in place");
    fs.delete(new Path(folder, MARKER), false);
    steps.after(step, "marker deleted");
    fs.delete(staging, true);
  }

  private static void move(FileSystem fs, Path from, Path to) throws IOException {
    if (fs.exists(to) && !fs.delete(to, false)) {
      throw new IOException("cannot replace " + to);
    }
    if (!fs.rename(from, to)) {
      throw new IOException("cannot move " + from + " to " + to);
    }
  }

  private static String readMarker(FileSystem fs, Path marker) throws IOException {
    try (InputStream in = fs.open(marker)) {
      String name = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      return name.startsWith(STAGING_PREFIX) && !name.contains("/") ? name : STAGING_PREFIX;
    }
  }

  /** Whether the run that made {@code staging} may still be running (always, on another host). */
  private static boolean running(FileSystem fs, Path staging) throws IOException {
    Path owner = new Path(staging, OWNER);
    if (!fs.exists(owner)) {
      return false;
    }
    String[] fields;
    try (InputStream in = fs.open(owner)) {
      fields = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split(" ");
    }
    if (fields.length != 2 || !fields[0].equals(host())) {
      return fields.length == 2;
    }
    try {
      Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(fields[1]));
      return process.map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String owner() {
    return host() + " " + ProcessHandle.current().pid();
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
