package org.cfmr.mapreduce.chain;

import org.cfmr.core.Mode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mapreduce.lib.output.SequenceFileOutputFormat;
import org.cfmr.core.EntityTotals;
import org.cfmr.core.Neighbour;
import org.cfmr.core.similarity.PairSums;
import org.cfmr.core.similarity.Similarity;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.StableHash;
import org.cfmr.core.CfmrException;
import org.cfmr.mapreduce.chain.TaggedId.Tag;
import org.cfmr.mapreduce.chain.TaskHarness.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each mapper, combiner and reducer of the chain on hand-made records, with hand-checked results. */
class ChainTasksTest {
  @TempDir java.nio.file.Path temp;

  private static Configuration conf(NeighbourSettings settings, boolean users, int chunkRatings) {
    Configuration conf = new Configuration(false);
    new ChainSettings(settings, users ? Mode.USER : Mode.ITEM, "train.csv", chunkRatings, 1000)
        .writeTo(conf);
    return conf;
  }

  private static NeighbourSettings cosine(int minCommon) {
    return NeighbourSettings.defaults().withMeasure(Similarity.COSINE).withShrink(0)
        .withMinCommon(minCommon);
  }

  // ---- job 1: co-ratings

  @Test
  void ratingMapperEmitsEachRatingUnderItsPivotAndEachEntitysTotalsOnce() throws Exception {
    TaskHarness harness = new TaskHarness(conf(NeighbourSettings.defaults(), true, 10));
    harness.split = new FileSplit(new Path("file:/data/train.csv"), 0, 100, null);
    List<Record<TaggedId, PartialTotalsWritable>> out = harness.map(new CoRatingsJob.RatingMapper(),
        lines("1,10,4.0,5", "2,10,3.5,6", "1,20,5,7"));
    assertEquals(List.of(
        new Record<>(new TaggedId(Tag.PIVOT, 10), new PartialTotalsWritable(1, 1, 8)),
        new Record<>(new TaggedId(Tag.PIVOT, 10), new PartialTotalsWritable(2, 1, 7)),
        new Record<>(new TaggedId(Tag.PIVOT, 20), new PartialTotalsWritable(1, 1, 10))), out.subList(0, 3));
    assertEquals(Map.of(1, new PartialTotalsWritable(1, 2, 18), 2, new PartialTotalsWritable(2, 1, 7)),
        out.subList(3, out.size()).stream().peek(r -> assertEquals(Tag.ENTITY, r.key().tag()))
            .collect(Collectors.toMap(r -> r.key().id(), Record::value)));
    assertEquals(3, harness.counter(CoRatingsJob.Counter.RATINGS));
  }

  @Test
  void itemItemPivotsAreUsers() throws Exception {
    TaskHarness harness = new TaskHarness(conf(NeighbourSettings.defaults(), false, 10));
    harness.split = new FileSplit(new Path("file:/data/train.csv"), 0, 100, null);
    List<Record<TaggedId, PartialTotalsWritable>> out =
        harness.map(new CoRatingsJob.RatingMapper(), lines("1,10,4.0,5"));
    assertEquals(new Record<>(new TaggedId(Tag.PIVOT, 1), new PartialTotalsWritable(10, 1, 8)), out.get(0));
    assertEquals(new Record<>(new TaggedId(Tag.ENTITY, 10), new PartialTotalsWritable(10, 1, 8)), out.get(1));
  }

  @Test
  void aMalformedLineIsReportedWithItsFileAndLine() {
    TaskHarness harness = new TaskHarness(conf(NeighbourSettings.defaults(), true, 10));
    harness.split = new FileSplit(new Path("file:/data/train.csv"), 0, 100, null);
    CfmrException error = assertThrows(CfmrException.class,
        () -> harness.map(new CoRatingsJob.RatingMapper(), lines("1,10,4.0,5", "1,11,x,5")));
    assertEquals("file:/data/train.csv:2: rating 'x' is not a number", error.getMessage());
  }

  @Test
  void pastTheFirstSplitAnErrorNamesTheByteOffset() {
    TaskHarness harness = new TaskHarness(conf(NeighbourSettings.defaults(), true, 10));
    harness.split = new FileSplit(new Path("file:/data/train.csv"), 64, 100, null);
    CfmrException error = assertThrows(CfmrException.class,
        () -> harness.map(new CoRatingsJob.RatingMapper(), List.of(
            new Record<>(new LongWritable(70), new Text("1,10")))));
    assertEquals("file:/data/train.csv at byte 70: expected 4 fields separated by ',' but found 2",
        error.getMessage());
  }

  @Test
  void pivotReducerSortsThePivotDropsLonePivotsAndSumsEntityTotals() throws Exception {
    TaskHarness harness = new TaskHarness(sideOutputConf(NeighbourSettings.defaults()));
    List<Record<IntWritable, PivotVector>> out = harness.reduce(new CoRatingsJob.PivotReducer(), List.of(
        group(new TaggedId(Tag.PIVOT, 10), new PartialTotalsWritable(3, 1, 8), new PartialTotalsWritable(1, 1, 6),
            new PartialTotalsWritable(2, 1, 10)),
        group(new TaggedId(Tag.PIVOT, 20), new PartialTotalsWritable(1, 1, 4)),
        group(new TaggedId(Tag.ENTITY, 1), new PartialTotalsWritable(1, 2, 10), new PartialTotalsWritable(1, 1, 6))));
    assertEquals(List.of(new Record<>(new IntWritable(10), new PivotVector(new EntityTotals(3, 24),
        new int[] {1, 2, 3}, new int[] {6, 10, 8}, 3))), out);
    assertEquals(Map.of(1, new PartialTotalsWritable(1, 3, 16)), readTotals());
    assertEquals(2, harness.counter(CoRatingsJob.Counter.PIVOTS));
    assertEquals(1, harness.counter(CoRatingsJob.Counter.ENTITIES));
  }

  @Test
  void pivotReducerKeepsTheSeededSampleOfACappedPivotButItsTotalsOverAll() throws Exception {
    NeighbourSettings capped = NeighbourSettings.defaults().withMaxPivotRatings(2);
    TaskHarness harness = new TaskHarness(sideOutputConf(capped));
    List<Record<IntWritable, PivotVector>> out = harness.reduce(new CoRatingsJob.PivotReducer(), List.of(
        group(new TaggedId(Tag.PIVOT, 10), new PartialTotalsWritable(4, 1, 2), new PartialTotalsWritable(1, 1, 4),
            new PartialTotalsWritable(3, 1, 6), new PartialTotalsWritable(2, 1, 8))));
    // The two entities whose hash of (seed, pivot, entity) is smallest, ascending.
    Integer[] byHash = {1, 2, 3, 4};
    Arrays.sort(byHash, Comparator.comparing(
        (Integer e) -> StableHash.hash(capped.seed(), 10, e), Long::compareUnsigned));
    int[] expected = {Math.min(byHash[0], byHash[1]), Math.max(byHash[0], byHash[1])};
    int[] halfStarsOf = {0, 4, 8, 6, 2};
    PivotVector vector = out.get(0).value();
    assertEquals(new PivotVector(new EntityTotals(4, 20), expected,
        new int[] {halfStarsOf[expected[0]], halfStarsOf[expected[1]]}, 2), vector);
    assertEquals(1, harness.counter(CoRatingsJob.Counter.PIVOTS_CAPPED));
    assertEquals(2, harness.counter(CoRatingsJob.Counter.RATINGS_LEFT_OUT_BY_CAP));
  }

  @Test
  void aDuplicateRatingIsAnError() throws Exception {
    TaskHarness harness = new TaskHarness(sideOutputConf(NeighbourSettings.defaults()));
    CfmrException error = assertThrows(CfmrException.class, () -> harness.reduce(
        new CoRatingsJob.PivotReducer(), List.of(group(new TaggedId(Tag.PIVOT, 10),
            new PartialTotalsWritable(1, 1, 8), new PartialTotalsWritable(1, 1, 6)))));
    assertEquals("train.csv: duplicate rating of movie 10 by user 1", error.getMessage());
  }

  private Configuration sideOutputConf(NeighbourSettings settings) throws IOException {
    Job job = Job.getInstance(conf(settings, true, 10));
    FileOutputFormat.setOutputPath(job, new Path(temp.toUri()));
    MultipleOutputs.addNamedOutput(job, CoRatingsJob.TOTALS, SequenceFileOutputFormat.class,
        IntWritable.class, PartialTotalsWritable.class);
    return job.getConfiguration();
  }

  private Map<Integer, PartialTotalsWritable> readTotals() throws IOException {
    Map<Integer, PartialTotalsWritable> totals = new TreeMap<>();
    try (var files = Files.walk(temp)) {
      for (java.nio.file.Path file : files.filter(f -> f.getFileName().toString().startsWith("part")
          && f.getParent().getFileName().toString().equals(CoRatingsJob.TOTALS)).toList()) {
        try (SequenceFile.Reader reader = new SequenceFile.Reader(new Configuration(),
            SequenceFile.Reader.file(new Path(file.toUri())))) {
          IntWritable key = new IntWritable();
          PartialTotalsWritable value = new PartialTotalsWritable();
          while (reader.next(key, value)) {
            totals.put(key.get(), new PartialTotalsWritable(value.id(), value.count(), value.halfStarSum()));
          }
        }
      }
    }
    return totals;
  }

  // ---- job 2: pair statistics

  @Test
  void stripesMapperEmitsEveryCanonicalPairOnceSummedOverThePivotsOfTheSplit() throws Exception {
    TaskHarness harness = new TaskHarness(conf(cosine(1), true, 1000));
    List<Record<IntWritable, Stripe>> out = harness.map(new PairStatisticsJob.StripesMapper(), List.of(
        pivot(10, new int[] {1, 2, 3}, new int[] {8, 6, 10}),
        pivot(20, new int[] {1, 3}, new int[] {2, 4})));
    Map<Integer, Stripe> byA = byKey(out);
    assertEquals(Map.of(
        1, stripe(Map.of(2, new PairSums(1, 0, 0, 64, 36, 48), 3, new PairSums(2, 0, 0, 68, 116, 88))),
        2, stripe(Map.of(3, new PairSums(1, 0, 0, 36, 100, 60)))), byA);
    assertEquals(4, harness.counter(PairStatisticsJob.Counter.PAIR_CONTRIBUTIONS));
    assertEquals(3, harness.counter(PairStatisticsJob.Counter.PAIRS_EMITTED));
  }

  @Test
  void pearsonStripesCarryTheValueSumsForTheCentringAtTheEnd() throws Exception {
    TaskHarness harness = new TaskHarness(conf(NeighbourSettings.defaults(), true, 1000));
    List<Record<IntWritable, Stripe>> out = harness.map(new PairStatisticsJob.StripesMapper(),
        List.of(pivot(10, new int[] {4, 9}, new int[] {3, 7})));
    assertEquals(List.of(new Record<>(new IntWritable(4),
        stripe(Map.of(9, new PairSums(1, 3, 7, 9, 49, 21))))), out);
  }

  @Test
  void aSmallChunkEmitsPairsPerChunkAndTheCombinerRestoresTheSameSums() throws Exception {
    List<Record<IntWritable, PivotVector>> pivots = List.of(
        pivot(10, new int[] {1, 2, 3, 4}, new int[] {8, 6, 10, 2}),
        pivot(20, new int[] {1, 2, 4}, new int[] {2, 4, 9}),
        pivot(30, new int[] {2, 3, 4}, new int[] {5, 5, 5}));
    NeighbourSettings adjusted = NeighbourSettings.defaults().withMeasure(Similarity.ADJUSTED_COSINE);
    TaskHarness roomy = new TaskHarness(conf(adjusted, true, 1000));
    TaskHarness tight = new TaskHarness(conf(adjusted, true, 1));
    List<Record<IntWritable, Stripe>> once = roomy.map(new PairStatisticsJob.StripesMapper(), pivots);
    List<Record<IntWritable, Stripe>> often = tight.map(new PairStatisticsJob.StripesMapper(), pivots);
    assertTrue(often.size() > once.size(), "the small chunks emitted pairs more often");
    assertEquals(1, roomy.counter(PairStatisticsJob.Counter.PIVOT_CHUNKS));
    assertEquals(3, tight.counter(PairStatisticsJob.Counter.PIVOT_CHUNKS), "a chunk per pivot");
    assertEquals(roomy.counter(PairStatisticsJob.Counter.PAIR_CONTRIBUTIONS),
        tight.counter(PairStatisticsJob.Counter.PAIR_CONTRIBUTIONS));
    List<Record<IntWritable, Stripe>> combined =
        tight.reduce(new PairStatisticsJob.StripeSum(), grouped(often));
    assertEquals(byKey(once), byKey(combined));
  }

  // ---- job 3: similarities

  @Test
  void scoringMapperKeepsPairsThatPassTheThresholdsInBothDirections() throws Exception {
    Configuration conf = conf(cosine(2), true, 1000);
    conf.set(SimilarityJob.TOTALS_FOLDER, writeTotals(new PartialTotalsWritable(1, 2, 14),
        new PartialTotalsWritable(2, 2, 14), new PartialTotalsWritable(3, 1, 8), new PartialTotalsWritable(4, 2, 14)));
    TaskHarness harness = new TaskHarness(conf);
    // 1 = (8, 6) and 2 = (8, 6): cosine 1; 1 and 4 = (6, 8): 96/100; 1 and 3 share one item only.
    List<Record<IntWritable, CandidateNeighbours>> out = harness.map(new SimilarityJob.ScoringMapper(),
        List.of(new Record<>(new IntWritable(1), stripe(Map.of(
            2, new PairSums(2, 0, 0, 100, 100, 100),
            3, new PairSums(1, 0, 0, 64, 64, 64),
            4, new PairSums(2, 0, 0, 100, 100, 96))))));
    assertEquals(Map.of(
        1, List.of(new Neighbour(2, 1.0), new Neighbour(4, 0.96)),
        2, List.of(new Neighbour(1, 1.0)),
        4, List.of(new Neighbour(1, 0.96))),
        out.stream().collect(Collectors.toMap(r -> r.key().get(), r -> r.value().neighbours())));
    assertEquals(3, harness.counter(SimilarityJob.Counter.PAIRS_SCORED));
    assertEquals(2, harness.counter(SimilarityJob.Counter.PAIRS_KEPT));
  }

  private String writeTotals(PartialTotalsWritable... totals) throws IOException {
    Path folder = new Path(temp.toUri().toString(), "totals");
    try (SequenceFile.Writer writer = SequenceFile.createWriter(new Configuration(),
        SequenceFile.Writer.file(new Path(folder, "part-r-00000")),
        SequenceFile.Writer.keyClass(IntWritable.class),
        SequenceFile.Writer.valueClass(PartialTotalsWritable.class))) {
      for (PartialTotalsWritable t : totals) {
        writer.append(new IntWritable(t.id()), t);
      }
    }
    return folder.toString();
  }

  // ---- job 4: top-k

  @Test
  void pruneAndLinesKeepTheKBestWithTiesByIdAndPrintSixDecimals() throws Exception {
    TaskHarness harness = new TaskHarness(conf(NeighbourSettings.defaults().withK(3), true, 10));
    List<Map.Entry<IntWritable, List<CandidateNeighbours>>> groups = List.of(Map.entry(new IntWritable(7),
        List.of(list(new Neighbour(3, 0.5), new Neighbour(9, 0.9)),
            list(new Neighbour(2, 0.5), new Neighbour(5, 0.1)))));
    List<Record<IntWritable, CandidateNeighbours>> pruned = harness.reduce(new TopKJob.Prune(), groups);
    assertEquals(List.of(new Record<>(new IntWritable(7),
        list(new Neighbour(9, 0.9), new Neighbour(2, 0.5), new Neighbour(3, 0.5)))), pruned);
    List<Record<Text, NullWritable>> lines = harness.reduce(new TopKJob.NeighbourLines(), groups);
    assertEquals("7\t9:0.900000,2:0.500000,3:0.500000", lines.get(0).key().toString());
    assertEquals(1, harness.counter(TopKJob.Counter.ENTITIES_WITH_NEIGHBOURS));
  }

  @Test
  void idRangesSendAscendingIdsToAscendingReducers() {
    int[] ids = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    int[] boundaries = TopKJob.IdRangePartitioner.boundaries(ids, 3);
    assertArrayEquals(new int[] {4, 7}, boundaries);
    Configuration conf = new Configuration(false);
    conf.set(TopKJob.BOUNDARIES, "4,7");
    TopKJob.IdRangePartitioner partitioner = new TopKJob.IdRangePartitioner();
    partitioner.setConf(conf);
    int[] partitions = Arrays.stream(new int[] {0, 3, 4, 6, 7, 100})
        .map(id -> partitioner.getPartition(new IntWritable(id), null, 3)).toArray();
    assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, partitions);
  }

  // ---- helpers

  private static List<Record<LongWritable, Text>> lines(String... lines) {
    List<Record<LongWritable, Text>> records = new ArrayList<>();
    long offset = 0;
    for (String line : lines) {
      records.add(new Record<>(new LongWritable(offset), new Text(line)));
      offset += line.length() + 1;
    }
    return records;
  }

  private static Map.Entry<TaggedId, List<PartialTotalsWritable>> group(TaggedId key, PartialTotalsWritable... values) {
    return Map.entry(key, List.of(values));
  }

  private static Record<IntWritable, PivotVector> pivot(int id, int[] entities, int[] halfStars) {
    long sum = Arrays.stream(halfStars).sum();
    return new Record<>(new IntWritable(id),
        new PivotVector(new EntityTotals(entities.length, sum), entities, halfStars, entities.length));
  }

  private static Stripe stripe(Map<Integer, PairSums> sums) {
    Stripe stripe = new Stripe();
    sums.forEach(stripe::add);
    return stripe;
  }

  private static CandidateNeighbours list(Neighbour... neighbours) {
    return new CandidateNeighbours(List.of(neighbours));
  }

  /** Stripes merged per key (what the shuffle and a reducer would make of them). */
  private static Map<Integer, Stripe> byKey(List<Record<IntWritable, Stripe>> records) {
    Map<Integer, Stripe> byA = new TreeMap<>();
    for (Record<IntWritable, Stripe> record : records) {
      byA.computeIfAbsent(record.key().get(), a -> new Stripe()).addAll(record.value());
    }
    return byA;
  }

  private static List<Map.Entry<IntWritable, List<Stripe>>> grouped(List<Record<IntWritable, Stripe>> records) {
    Map<Integer, List<Stripe>> groups = new LinkedHashMap<>();
    records.forEach(r -> groups.computeIfAbsent(r.key().get(), a -> new ArrayList<>()).add(r.value()));
    return groups.entrySet().stream()
        .map(e -> Map.entry(new IntWritable(e.getKey()), e.getValue())).toList();
  }
}
