package org.cfmr.mapreduce;

import org.cfmr.core.Mode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.SequenceFile;
import org.cfmr.core.Neighbour;
import org.cfmr.core.NeighbourFileFormat;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.baseline.BaselineFit;
import org.cfmr.core.baseline.BaselineSettings;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.similarity.Similarity;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.TopNeighbours;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.testing.SharedData;
import org.cfmr.mapreduce.chain.ChainSettings;
import org.cfmr.mapreduce.chain.NeighbourChain;
import org.cfmr.mapreduce.chain.CandidateNeighbours;
import org.cfmr.mapreduce.memory.MemoryNeighbours;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.cfmr.core.io.RatingsReader;

/**
 * The chain against the brute-force oracle on real MovieLens data, both modes, every measure
 * (pearson-baseline with the fitted baseline's {@code b_ui} in doubles), without and with
 * shrinkage: the same neighbours with similarities within 1e-9 before
 * rounding (read from job 3's output) and within 1e-9 of the printed value plus half a unit of
 * the sixth decimal after job 4; and the file byte-identical to the memory engine's. Neighbours
 * whose similarities are within 1e-9 of each other may be ordered (or cut at K) differently from
 * the oracle: values that are equal in exact arithmetic but computed from different integers can
 * differ by an ulp, which the exact engines decide and the oracle's doubles cannot reproduce.
 *
 * <p>Shrinkage only enters jobs 3–4, so each case runs jobs 1–4 with λ = 0 and then jobs 3–4
 * again with λ = 100 on the same pair statistics (which also exercises {@code --start-phase 3}).
 * ml-latest-small's item–item chain (19.5M pair contributions) runs for pearson only, to keep
 * the module's test time in budget; its other measures are covered on ml-100k.
 */
class ChainOracleTest {
  private static final double BEFORE_ROUNDING = 1e-9;

  @TempDir static java.nio.file.Path temp;

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
      "ml-100k-u1, user, cosine", "ml-100k-u1, item, cosine",
      "ml-100k-u1, user, pearson", "ml-100k-u1, item, pearson",
      "ml-100k-u1, user, adjusted-cosine", "ml-100k-u1, item, adjusted-cosine",
      "ml-100k-u1, item, cooccurrence",
      "ml-100k-u1, user, pearson-baseline", "ml-100k-u1, item, pearson-baseline",
      "ml-latest-small, user, cosine",
      "ml-latest-small, user, pearson", "ml-latest-small, item, pearson",
      "ml-latest-small, user, adjusted-cosine", "ml-latest-small, user, cooccurrence"})
  void theChainComputesTheOraclesNeighbours(String dataset, String mode, String measure)
      throws IOException {
    java.nio.file.Path train = TestData.train(dataset, temp);
    boolean users = mode.equals("user");
    Configuration conf = HadoopRuntime.configuration();
    Map<Integer, Map<Integer, double[]>> raws =
        new BruteForceNeighbours(train, users).rawSimilarities(measure, baseline(train, conf));
    Path work = new Path(temp.resolve("work-" + dataset + "-" + mode + "-" + measure).toUri());
    NeighbourSettings noShrink = NeighbourSettings.defaults()
        .withMeasure(Similarity.parse(measure)).withShrink(0);
    int start = 1;
    for (NeighbourSettings settings : List.of(noShrink, noShrink.withShrink(100))) {
      NeighbourChain chain = new NeighbourChain(conf,
          ChainSettings.of(settings, users ? Mode.USER : Mode.ITEM, train.toString()), work, 2);
      Path hadoopTrain = new Path(train.toUri());
      chain.run(hadoopTrain, start, 3);
      Map<Integer, List<Neighbour>> expected = BruteForceNeighbours.neighbours(raws,
          settings.shrink(), settings.minCommon(), settings.minSim(), settings.k());
      assertSameNeighbours(expected, unroundedTopK(work, settings.k(), conf), BEFORE_ROUNDING,
          settings);
      chain.run(hadoopTrain, 4, 4);
      List<String> lines = lines(chain.linesFolder(), conf);
      assertSameNeighbours(expected, parse(lines), BEFORE_ROUNDING + 5e-7, settings);
      assertEquals(memoryEngine(train, users, settings, conf), lines,
          "the file, against the memory engine's: " + settings.describe());
      start = 3;
    }
  }

  /** The baseline of {@code train} with the default settings, fitted in memory. */
  private static Baseline baseline(java.nio.file.Path train, Configuration conf) {
    return BaselineFit.fit(TrainData.of(RatingsReader.readTrain(new Path(train.toUri()), conf)),
        BaselineSettings.DEFAULTS, 2);
  }

  /**
   * Position by position the similarities agree within {@code tolerance}; a neighbour id may
   * differ only where the two lists' similarities at that position are within 1e-9 of another
   * entry's (a near-tie ordered or cut differently); and every neighbour in both has the same
   * similarity in both.
   */
  static void assertSameNeighbours(Map<Integer, List<Neighbour>> expected,
      Map<Integer, List<Neighbour>> actual, double tolerance, NeighbourSettings settings) {
    assertEquals(expected.keySet(), actual.keySet(), "entities with neighbours");
    expected.forEach((id, want) -> {
      List<Neighbour> got = actual.get(id);
      String what = " of " + id + " (" + settings.describe() + ")";
      assertEquals(want.size(), got.size(), "number of neighbours" + what);
      Map<Integer, Double> gotById = new TreeMap<>();
      got.forEach(n -> gotById.put(n.id(), n.similarity()));
      for (int i = 0; i < want.size(); i++) {
        Neighbour w = want.get(i);
        assertEquals(w.similarity(), got.get(i).similarity(), tolerance, "similarity #" + (i + 1) + what);
        Double same = gotById.get(w.id());
        if (same != null) {
          assertEquals(w.similarity(), same, tolerance, "similarity to " + w.id() + what);
        } else {
          double cut = want.get(want.size() - 1).similarity();
          assertEquals(cut, w.similarity(), tolerance + BEFORE_ROUNDING,
              "neighbour " + w.id() + what + " is missing and does not tie the last one");
        }
      }
    });
  }

  private static Map<Integer, List<Neighbour>> parse(List<String> lines) {
    Map<Integer, List<Neighbour>> byId = new TreeMap<>();
    for (String line : lines) {
      NeighbourFileFormat.Line parsed = NeighbourFileFormat.parseLine(line);
      byId.put(parsed.id(), parsed.neighbours());
    }
    return byId;
  }

  /** Job 3's partial top-K lists merged per entity: the chain's neighbours before rounding. */
  private static Map<Integer, List<Neighbour>> unroundedTopK(Path work, int k, Configuration conf)
      throws IOException {
    Map<Integer, TopNeighbours> tops = new TreeMap<>();
    FileSystem fs = work.getFileSystem(conf);
    for (FileStatus part : fs.listStatus(new Path(work, NeighbourChain.SIMILARITIES),
        p -> p.getName().startsWith("part-"))) {
      try (SequenceFile.Reader reader =
          new SequenceFile.Reader(conf, SequenceFile.Reader.file(part.getPath()))) {
        IntWritable entity = new IntWritable();
        CandidateNeighbours list = new CandidateNeighbours();
        while (reader.next(entity, list)) {
          list.offerTo(tops.computeIfAbsent(entity.get(), e -> new TopNeighbours(k)));
        }
      }
    }
    Map<Integer, List<Neighbour>> best = new TreeMap<>();
    tops.forEach((id, top) -> best.put(id, top.best()));
    return best;
  }

  static List<String> lines(Path partsFolder, Configuration conf) throws IOException {
    FileSystem fs = partsFolder.getFileSystem(conf);
    List<String> lines = new ArrayList<>();
    FileStatus[] parts = fs.listStatus(partsFolder, p -> p.getName().startsWith("part-"));
    java.util.Arrays.sort(parts);
    for (FileStatus part : parts) {
      try (var in = fs.open(part.getPath())) {
        new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().forEach(lines::add);
      }
    }
    return lines;
  }

  private static List<String> memoryEngine(java.nio.file.Path train, boolean users,
      NeighbourSettings settings, Configuration conf) throws IOException {
    java.nio.file.Path file = Files.createTempFile(temp, "memory", ".txt");
    MemoryNeighbours.write(new Path(train.toUri()), new Path(file.toUri()),
        users ? Mode.USER : Mode.ITEM, settings, 2, conf);
    return Files.readAllLines(file);
  }
}
