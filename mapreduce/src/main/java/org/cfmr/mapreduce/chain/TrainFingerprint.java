package org.cfmr.mapreduce.chain;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What identifies the content of the train file the chain's intermediates were made from: its
 * length, its modification time, and what the file system knows of its content, where it knows
 * something: the checksum ({@link FileSystem#getFileChecksum}, HDFS's MD5 of its block CRCs) and
 * the entity tag ({@link EtagSource}, S3's ETag). The local file system has neither, so there a
 * file rewritten with the same length within the same millisecond goes unnoticed.
 *
 * @param checksum {@code <algorithm>:<hex>}, or {@code none}
 * @param etag the entity tag, or {@code none}
 */
public record TrainFingerprint(long length, long modificationTime, String checksum, String etag) {
  private static final String NONE = "none";

  /** The fingerprint of {@code train} as it is now. */
  public static TrainFingerprint of(Path train, FileSystem fs) throws IOException {
    FileStatus status = fs.getFileStatus(train);
    FileChecksum checksum = fs.getFileChecksum(train);
    String etag = status instanceof EtagSource source ? source.getEtag() : null;
    return new TrainFingerprint(status.getLen(), status.getModificationTime(),
        checksum == null ? NONE
            : checksum.getAlgorithmName() + ":" + HexFormat.of().formatHex(checksum.getBytes()),
        etag == null || etag.isEmpty() ? NONE : etag);
  }

  /** One {@code name=value} line per field, as stored beside the intermediates. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    fields().forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
    return text.toString();
  }

  /** The fingerprint stored as {@link #toText()}; null when {@code text} is not one. */
  public static TrainFingerprint parse(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        fields.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    try {
      return new TrainFingerprint(Long.parseLong(fields.get("length")),
          Instant.parse(fields.get("modification-time")).toEpochMilli(),
          Objects.requireNonNull(fields.get("checksum")), Objects.requireNonNull(fields.get("etag")));
    } catch (NumberFormatException | DateTimeParseException | NullPointerException e) {
      return null;
    }
  }

  /**
   * What differs from {@code earlier}, as {@code "length 10 -> 12, modification-time ..."}, or
   * the empty string when nothing does.
   */
  public String changesSince(TrainFingerprint earlier) {
    List<String> changes = new ArrayList<>();
    Map<String, String> before = earlier.fields();
    fields().forEach((name, value) -> {
      if (!value.equals(before.get(name))) {
        changes.add(name + " " + before.get(name) + " -> " + value);
      }
    });
    return String.join(", ", changes);
  }

  private Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("length", Long.toString(length));
    fields.put("modification-time", Instant.ofEpochMilli(modificationTime).toString());
    fields.put("checksum", checksum);
    fields.put("etag", etag);
    return fields;
  }
}
