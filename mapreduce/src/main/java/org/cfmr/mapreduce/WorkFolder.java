package org.cfmr.mapreduce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where the chain and the ALS jobs keep a run's intermediates: never in the output folder, which receives only
 * results (on an object store every intermediate object would cost requests, and deleting them
 * leaves directory markers behind). By default on the cluster's default file system
 * ({@code fs.defaultFS}: HDFS on a cluster, local disk in local mode), under
 * {@code ${hadoop.tmp.dir}/cfmr-work/<output name>-<hash>}, where the hash is of the qualified
 * output path: the same output folder finds the same work folder again, so {@code --resume} and
 * {@code --start-phase} continue a stopped run. Hadoop keeps its own job staging under
 * {@code hadoop.tmp.dir} on the default file system the same way.
 */
public final class WorkFolder {
  /** The folder under {@code hadoop.tmp.dir} that holds every output folder's work folder. */
  static final String BASE = "cfmr-work";
  /** Hex digits of the output path's SHA-256 in the folder's name (64 bits). */
  private static final int HASH_DIGITS = 16;

  private WorkFolder() {}

  /** The default work folder of {@code output}, qualified on the default file system. */
  public static Path of(Path output, Configuration conf) throws IOException {
    Path qualified = output.getFileSystem(conf).makeQualified(output);
    String name = qualified.getName().isEmpty() ? "" : qualified.getName() + "-";
    Path base = new Path(conf.get("hadoop.tmp.dir"), BASE);
    return FileSystem.get(conf).makeQualified(new Path(base, name + hash(qualified.toString())));
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
