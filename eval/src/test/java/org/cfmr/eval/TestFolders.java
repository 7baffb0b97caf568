package org.cfmr.eval;

import org.cfmr.core.Mode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.StableHash;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.testing.Manifests;
import org.cfmr.core.testing.SharedData;
import org.cfmr.mapreduce.memory.MemoryNeighbours;

/** Pipeline-like folders for tests: a split and its neighbour files, made once per JVM. */
final class TestFolders {
  private static Path latestSmall;

  private TestFolders() {}

  /**
   * ml-latest-small split 80/20 by {@code StableHash.unit(42, user, item) < 0.8}, with the
   * default neighbour files (pearson, λ = 100, minCommon 5, K 50) from the memory engine.
   */
  static synchronized Path latestSmall() {
    if (latestSmall == null) {
      try {
        Path folder = Files.createTempDirectory("cfmr-eval-small");
        split(SharedData.bundled("ratings.csv"), folder);
        neighbours(folder, NeighbourSettings.defaults());
        Manifests.write(folder);
        latestSmall = folder;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return latestSmall;
  }

  static void split(Path ratingsCsv, Path folder) throws IOException {
    List<String> train = new ArrayList<>();
    List<String> test = new ArrayList<>();
    List<String> lines = Files.readAllLines(ratingsCsv);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      boolean inTrain =
          StableHash.unit(42, Integer.parseInt(f[0]), Integer.parseInt(f[1])) < 0.8;
      (inTrain ? train : test).add(line);
    }
    Files.write(folder.resolve(PipelineFiles.TRAIN), train);
    Files.write(folder.resolve(PipelineFiles.TEST), test);
  }

  static void neighbours(Path folder, NeighbourSettings settings) {
    Configuration conf = new Configuration();
    for (boolean users : new boolean[] {true, false}) {
      MemoryNeighbours.write(hadoop(folder.resolve(PipelineFiles.TRAIN)),
          hadoop(folder.resolve(users ? PipelineFiles.USER_NEIGHBOURS
              : PipelineFiles.ITEM_NEIGHBOURS)), users ? Mode.USER : Mode.ITEM, settings, 2, conf);
    }
  }

  static org.apache.hadoop.fs.Path hadoop(Path path) {
    return new org.apache.hadoop.fs.Path(path.toUri());
  }
}
