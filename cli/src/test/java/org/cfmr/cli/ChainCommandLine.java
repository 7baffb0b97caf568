package org.cfmr.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.runtime.ResultManifest;
import org.cfmr.core.testing.SharedData;

/**
 * The chain as a user types it, under one base folder of any file system ({@code file://},
 * {@code hdfs://}, {@code s3a://}): {@code cfmr split} of {@code <base>/input/ratings.csv} into
 * {@code <base>/split}, then {@code cfmr neighbours} of both modes (or only user–user) into
 * {@code <base>/neighbours-<engine>}, each with 2 reducers. The same words everywhere; only the
 * base and Hadoop's generic options differ.
 */
final class ChainCommandLine {
  /** Users 1..60 of the bundled ml-latest-small: 8,752 real ratings, a few seconds a job. */
  static final int USERS = 60;

  private final String base;
  private final List<String> generic;
  private final boolean userModeOnly;

  /** Both modes, under {@code base}, with Hadoop's {@code generic} options. */
  ChainCommandLine(String base, List<String> generic) {
    this(base, generic, false);
  }

  private ChainCommandLine(String base, List<String> generic, boolean userModeOnly) {
    this.base = base;
    this.generic = List.copyOf(generic);
    this.userModeOnly = userModeOnly;
  }

  /** The same line with {@code --mode user}: half the jobs. */
  ChainCommandLine userModeOnly() {
    return new ChainCommandLine(base, generic, true);
  }

  String input() {
    return base + "/input/ratings.csv";
  }

  String[] split() {
    return line("split", "--input", input(), "--output", base + "/split", "--reducers", "2");
  }

  /** {@code cfmr neighbours} with {@code engine}, and {@code more} options (e.g. {@code --resume}). */
  String[] neighbours(String engine, String... more) {
    List<String> options = new ArrayList<>(List.of("--train", base + "/split/" + PipelineFiles.TRAIN,
        "--output", neighboursFolder(engine), "--engine", engine, "--reducers", "2",
        "--mode", userModeOnly ? "user" : "both"));
    options.addAll(List.of(more));
    return line("neighbours", options.toArray(String[]::new));
  }

  private String neighboursFolder(String engine) {
    return base + "/neighbours-" + engine;
  }

  /** {@code <command> [generic options] [options]}, as in {@code hadoop jar cfmr.jar split -D k=v --input ...}. */
  private String[] line(String command, String... options) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(generic);
    all.addAll(List.of(options));
    return all.toArray(String[]::new);
  }

  /** The four result files (train, test, user and item neighbours) of a run with {@code engine}. */
  Map<String, byte[]> results(String engine, Configuration conf) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : List.of(PipelineFiles.TRAIN, PipelineFiles.TEST)) {
      files.put(name, read(new Path(base + "/split/" + name), conf));
    }
    for (String name : neighbourFiles()) {
      files.put(name, read(new Path(neighboursFolder(engine) + "/" + name), conf));
    }
    return files;
  }

  /** The neighbour files the line writes, in name order. */
  List<String> neighbourFiles() {
    return userModeOnly ? List.of(PipelineFiles.USER_NEIGHBOURS)
        : List.of(PipelineFiles.ITEM_NEIGHBOURS, PipelineFiles.USER_NEIGHBOURS);
  }

  /** What the neighbours folder holds when all went well: its manifest and the neighbour files. */
  List<String> neighboursFolderExpected() {
    List<String> names = new ArrayList<>(List.of(ResultManifest.NAME));
    names.addAll(neighbourFiles());
    return names;
  }

  /**
   * The names in the neighbours folder, sorted (empty when there is no such folder): see
   * {@link #neighboursFolderExpected()}.
   */
  List<String> neighboursFolderListing(String engine, Configuration conf) throws IOException {
    return listing(new Path(neighboursFolder(engine)), conf);
  }

  /** The names in the split folder, sorted: only the train and test files. */
  List<String> splitFolderListing(Configuration conf) throws IOException {
    return listing(new Path(base + "/split"), conf);
  }

  private static List<String> listing(Path folder, Configuration conf) throws IOException {
    FileSystem fs = folder.getFileSystem(conf);
    if (!fs.exists(folder)) {
      return List.of();
    }
    return java.util.Arrays.stream(fs.listStatus(folder)).map(s -> s.getPath().getName())
        .sorted().toList();
  }

  /** Copies the ratings of users 1..{@link #USERS} of the bundled dataset to {@link #input()}. */
  void uploadInput(java.nio.file.Path scratch, Configuration conf) throws IOException {
    java.nio.file.Path slice = scratch.resolve("ratings.csv");
    List<String> lines = Files.readAllLines(SharedData.bundled("ratings.csv"));
    List<String> kept = new ArrayList<>(List.of(lines.get(0)));
    lines.stream().skip(1).filter(l -> Integer.parseInt(l.substring(0, l.indexOf(','))) <= USERS)
        .forEach(kept::add);
    Files.write(slice, kept);
    Path target = new Path(input());
    target.getFileSystem(conf).copyFromLocalFile(new Path(slice.toUri()), target);
  }

  private static byte[] read(Path file, Configuration conf) throws IOException {
    try (InputStream in = file.getFileSystem(conf).open(file)) {
      return in.readAllBytes();
    }
  }
}
