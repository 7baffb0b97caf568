package org.cfmr.core.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.CfmrException;

/**
 * What a stage (a command) records in a {@link ResultManifest} about the files it wrote: its
 * settings, and each input's fingerprint (path, length, modification time), so that a result
 * says what it was computed from.
 */
public final class ResultStage {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final ObjectNode record = JSON.createObjectNode();

  private ResultStage(String name) {
    this.name = name;
  }

  /** A stage named after its command ({@code split}, {@code neighbours}, {@code pipeline}, ...). */
  public static ResultStage of(String name) {
    return new ResultStage(name);
  }

  /** Records {@code key}'s value (a number, string, boolean or list of them). */
  public ResultStage setting(String key, Object value) {
    record.with("settings").set(key, JSON.valueToTree(value));
    return this;
  }

  /** Records the fingerprint of the input {@code file} under {@code role} (e.g. "ratings"). */
  public ResultStage input(String role, Path file, Configuration conf) {
    try {
      FileStatus status = file.getFileSystem(conf).getFileStatus(file);
      ObjectNode input = record.with("inputs").putObject(role);
      input.put("path", status.getPath().toString());
      input.put("bytes", status.getLen());
      input.put("modified", Instant.ofEpochMilli(status.getModificationTime()).toString());
    } catch (IOException e) {
      throw new CfmrException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return this;
  }

  public String name() {
    return name;
  }

  /** The stage's record as it goes into the manifest. */
  public JsonNode record() {
    return record.deepCopy();
  }
}
