package org.cfmr.sql;

import org.cfmr.core.Mode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.StableHash;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.testing.Manifests;
import org.cfmr.core.testing.SharedData;
import org.cfmr.mapreduce.memory.MemoryNeighbours;

/**
 * A pipeline output folder made in the test tree, as {@code cfmr pipeline} will make it: an 80/20
 * split of the bundled ratings ({@code StableHash.unit(42, user, movie) < 0.8} → train), the
 * prediction and ranking neighbour files of the in-memory engine, and synthetic recommendation
 * files (user-based, item-based and ALS's).
 */
final class PipelineFixture {
  private PipelineFixture() {}

  static Path create(Path folder, boolean withNeighbours) throws IOException {
    Files.createDirectories(folder);
    List<String> train = new ArrayList<>();
    List<String> test = new ArrayList<>();
    List<String> lines = Files.readAllLines(SharedData.bundled("ratings.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",");
      int user = Integer.parseInt(fields[0]);
      int movie = Integer.parseInt(fields[1]);
      (StableHash.unit(42, user, movie) < 0.8 ? train : test).add(line);
    }
    write(folder.resolve(PipelineFiles.TRAIN), train);
    write(folder.resolve(PipelineFiles.TEST), test);
    if (withNeighbours) {
      Configuration conf = new Configuration();
      org.apache.hadoop.fs.Path trainPath = new org.apache.hadoop.fs.Path(
          folder.resolve(PipelineFiles.TRAIN).toUri());
      for (boolean users : new boolean[] {true, false}) {
        String name = users ? PipelineFiles.USER_NEIGHBOURS : PipelineFiles.ITEM_NEIGHBOURS;
        String ranking = users
            ? PipelineFiles.USER_RANKING_NEIGHBOURS : PipelineFiles.ITEM_RANKING_NEIGHBOURS;
        Mode mode = users ? Mode.USER : Mode.ITEM;
        MemoryNeighbours.write(trainPath, new org.apache.hadoop.fs.Path(folder.resolve(name).toUri()),
            mode, NeighbourSettings.defaults(), 2, conf);
        MemoryNeighbours.write(trainPath,
            new org.apache.hadoop.fs.Path(folder.resolve(ranking).toUri()), mode,
            NeighbourSettings.defaults().forRanking(), 2, conf);
      }
    }
    write(folder.resolve(PipelineFiles.USER_BASED_RECOMMENDATIONS), recommendations(train, 1, 20));
    write(folder.resolve(PipelineFiles.ITEM_BASED_RECOMMENDATIONS), recommendations(train, 2, 10));
    write(folder.resolve(PipelineFiles.ALS_RECOMMENDATIONS), recommendations(train, 3, 15));
    write(folder.resolve(PipelineFiles.RUN), List.of("{\"cfmr_version\": \"test\", "
        + "\"input\": \"data/ml-latest-small/ratings.csv\", \"dataset\": null, "
        + "\"split\": {\"seed\": 42, \"train_fraction\": 0.8, \"train\": " + train.size()
        + ", \"test\": " + test.size() + "}}"));
    write(folder.resolve(PipelineFiles.METRICS), List.of("{\"global_mean\": {\"model\":"
        + " \"global mean\", \"rmse\": 1.0432, \"mae\": 0.8321}, \"user\": {\"mode\": \"user\","
        + " \"rmse\": 0.9012, \"ndcg_at_n\": 0.0513}, \"item\": {\"mode\": \"item\","
        + " \"item_formula\": \"centred\", \"predictor\": \"knn-baseline\", \"damping\": 2.5,"
        + " \"fallback\": \"user-mean\", \"min_neighbours\": 2, \"clipped\": false,"
        + " \"baseline_reg_user\": 15.0, \"baseline_reg_item\": 10.0, \"baseline_epochs\": 3,"
        + " \"rmse\": 0.8876}}"));
    Manifests.write(folder);
    return folder;
  }

  /**
   * Synthetic recommendations: for each user in train (ascending), {@code perUser} movies picked
   * by a seeded hash among the movies in train, with decreasing predictions.
   */
  static List<String> recommendations(List<String> train, long seed, int perUser) {
    java.util.TreeSet<Integer> users = new java.util.TreeSet<>();
    java.util.TreeSet<Integer> movies = new java.util.TreeSet<>();
    for (String line : train) {
      String[] fields = line.split(",");
      users.add(Integer.parseInt(fields[0]));
      movies.add(Integer.parseInt(fields[1]));
    }
    Integer[] movieIds = movies.toArray(new Integer[0]);
    List<String> lines = new ArrayList<>();
    for (int user : users) {
      java.util.LinkedHashSet<Integer> picked = new java.util.LinkedHashSet<>();
      for (int i = 0; picked.size() < perUser; i++) {
        picked.add(movieIds[(int) (StableHash.unit(seed, user, i) * movieIds.length)]);
      }
      int rank = 0;
      for (int movie : picked) {
        lines.add(String.format(Locale.ROOT, "%d,%d,%.6f", user, movie, 5.0 - 0.125 * rank++));
      }
    }
    return lines;
  }

  static void write(Path file, List<String> lines) {
    try {
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
