package org.cfmr.core.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.CfmrException;

/**
 * The list of what a result folder holds ({@value #NAME}, written last by every commit): each
 * file's size and CRC32C, which stage wrote it, and per stage the settings and the input's
 * fingerprint. Readers trust a folder's files only when they match it, so a folder that mixes two
 * runs, or a file cut or changed after the fact, is refused instead of being read.
 *
 * <p>A stage command that writes into a folder which already has a manifest (e.g. {@code cfmr
 * neighbours} into the folder of {@code cfmr split}) merges its files into it: the folder stays
 * one readable result. A stage's record is dropped once none of the files is its own. An input
 * that is itself a file of the folder (the neighbours' {@code ratings_train.csv}) is recorded with
 * that file's checksum, so a folder whose input was replaced later (a second {@code split
 * --overwrite}) is refused as well: its older files were computed from another input.
 */
public final class ResultManifest {
  /** The manifest's file name in a result folder (hidden from Hadoop's input formats). */
  public static final String NAME = "_cfmr-manifest.json";
  private static final String FORMAT = "cfmr-manifest 1";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One file: its size, CRC32C (8 hex digits) and the stage that wrote it (null: a plain file). */
  public record Entry(long bytes, String crc32c, String stage) {}

  private final SortedMap<String, Entry> files;
  private final SortedMap<String, JsonNode> stages;

  private ResultManifest(SortedMap<String, Entry> files, SortedMap<String, JsonNode> stages) {
    this.files = files;
    this.stages = stages;
  }

  /** A manifest listing nothing. */
  public static ResultManifest empty() {
    return new ResultManifest(new TreeMap<>(), new TreeMap<>());
  }

  /** The files listed, by name. */
  public SortedMap<String, Entry> files() {
    return java.util.Collections.unmodifiableSortedMap(files);
  }

  /** Each stage's record (settings, input), by stage name. */
  public SortedMap<String, JsonNode> stages() {
    return java.util.Collections.unmodifiableSortedMap(stages);
  }

  /**
   * This manifest of {@code folder} (qualified) with {@code entries} (name → entry) listed
   * instead of what it listed under those names, and {@code stage}'s record replaced when a stage
   * is given; the stage's inputs that are files of the folder get their checksum.
   */
  public ResultManifest with(Path folder, Map<String, Entry> entries, ResultStage stage) {
    SortedMap<String, Entry> newFiles = new TreeMap<>(files);
    newFiles.putAll(entries);
    SortedMap<String, JsonNode> newStages = new TreeMap<>(stages);
    if (stage != null) {
      ObjectNode record = (ObjectNode) stage.record();
      record.path("inputs").forEach(input -> {
        Path path = new Path(input.path("path").asText());
        Entry entry = newFiles.get(path.getName());
        if (entry != null && folder.equals(path.getParent())) {
          ((ObjectNode) input).put("crc32c", entry.crc32c());
        }
      });
      newStages.put(stage.name(), record);
    }
    newStages.keySet().removeIf(name ->
        newFiles.values().stream().noneMatch(entry -> name.equals(entry.stage())));
    return new ResultManifest(newFiles, newStages);
  }

  /** The manifest of {@code folder}, or null when it has none. */
  public static ResultManifest read(FileSystem fs, Path folder) {
    Path file = new Path(folder, NAME);
    try (InputStream in = fs.open(file)) {
      return parse(file, JSON.readTree(in));
    } catch (FileNotFoundException e) {
      return null;
    } catch (JsonProcessingException e) {
      throw new CfmrException(file + ": not a cfmr manifest (" + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      throw new CfmrException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static ResultManifest parse(Path file, JsonNode root) {
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new CfmrException(file + ": not a cfmr manifest (no \"format\": \"" + FORMAT + "\")");
    }
    SortedMap<String, Entry> files = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("files").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode entry = field.getValue();
      if (!entry.path("bytes").canConvertToLong() || !entry.path("crc32c").isTextual()) {
        throw new CfmrException(file + ": the entry of " + field.getKey()
            + " lacks \"bytes\" or \"crc32c\"");
      }
      files.put(field.getKey(), new Entry(entry.get("bytes").asLong(),
          entry.get("crc32c").asText(), entry.path("stage").isTextual()
              ? entry.get("stage").asText() : null));
    }
    SortedMap<String, JsonNode> stages = new TreeMap<>();
    root.path("stages").fields().forEachRemaining(field -> stages.put(field.getKey(),
        field.getValue()));
    return new ResultManifest(files, stages);
  }

  /** Writes this manifest as {@code file} (replacing it). */
  public void write(FileSystem fs, Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    ObjectNode fileNodes = root.putObject("files");
    files.forEach((name, entry) -> {
      ObjectNode node = fileNodes.putObject(name);
      node.put("bytes", entry.bytes());
      node.put("crc32c", entry.crc32c());
      if (entry.stage() != null) {
        node.put("stage", entry.stage());
      }
    });
    ObjectNode stageNodes = root.putObject("stages");
    stages.forEach(stageNodes::set);
    try (OutputStream out = fs.create(file, true)) {
      out.write((JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The entry describing {@code file} as it is now, written by {@code stage} (null: none). */
  public static Entry describe(FileSystem fs, Path file, String stage) throws IOException {
    CRC32C crc = new CRC32C();
    long bytes = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = fs.open(file)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        crc.update(buffer, 0, read);
        bytes += read;
      }
    }
    return new Entry(bytes, String.format("%08x", crc.getValue()), stage);
  }

  /**
   * Checks that every file listed is in {@code folder} with its size and checksum.
   *
   * @throws CfmrException naming the first file that does not match, and how
   */
  public void verify(FileSystem fs, Path folder) {
    verify(fs, folder, files.keySet());
  }

  /** {@link #verify(FileSystem, Path)} for the listed files {@code names} only. */
  public void verify(FileSystem fs, Path folder, Collection<String> names) {
    verifyStageInputs(folder, names);
    for (String name : names) {
      Entry expected = files.get(name);
      Path file = new Path(folder, name);
      if (expected == null) {
        throw new CfmrException(file + ": not in " + NAME + " (not part of this cfmr result)");
      }
      try {
        FileStatus status = fs.getFileStatus(file);
        if (status.getLen() != expected.bytes()) {
          throw new CfmrException(file + ": " + status.getLen() + " bytes, " + NAME + " says "
              + expected.bytes() + " (changed or cut after it was written)");
        }
        Entry actual = describe(fs, file, expected.stage());
        if (!actual.crc32c().equals(expected.crc32c())) {
          throw new CfmrException(file + ": checksum " + actual.crc32c() + ", " + NAME + " says "
              + expected.crc32c() + " (changed after it was written)");
        }
      } catch (FileNotFoundException e) {
        throw new CfmrException(file + ": missing, though " + NAME + " lists it", e);
      } catch (IOException e) {
        throw new CfmrException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Checks that each of {@code names} was computed from the files now beside it: every input its
   * stage recorded as a file of the folder still has the checksum it had then.
   */
  private void verifyStageInputs(Path folder, Collection<String> names) {
    for (String name : names) {
      Entry entry = files.get(name);
      JsonNode stage = entry == null || entry.stage() == null ? null : stages.get(entry.stage());
      if (stage == null) {
        continue;
      }
      for (JsonNode input : stage.path("inputs")) {
        String inputName = new Path(input.path("path").asText()).getName();
        Entry now = files.get(inputName);
        if (input.has("crc32c") && now != null
            && !now.crc32c().equals(input.get("crc32c").asText())) {
          throw new CfmrException(new Path(folder, name) + ": computed from another "
              + inputName + " than the one in " + folder + " (checksum "
              + input.get("crc32c").asText() + " then, " + now.crc32c() + " now; run "
              + entry.stage() + " again)");
        }
      }
    }
  }
}
