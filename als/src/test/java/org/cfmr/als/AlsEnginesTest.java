package org.cfmr.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.runtime.ResultManifest;
import org.cfmr.mapreduce.WorkFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both engines, any thread count, local disk or HDFS: the same bytes in every file. */
class AlsEnginesTest {
  private static final List<String> FILES = List.of(PipelineFiles.USER_FACTORS,
      PipelineFiles.ITEM_FACTORS, PipelineFiles.ALS_REPORT, PipelineFiles.ITEM_NEIGHBOURS);
  private static final AlsSettings SETTINGS = new AlsSettings(4, 2, 0.1, 7);

  @TempDir java.nio.file.Path temp;

  private AlsFiles.Result fit(java.nio.file.Path train, String output, AlsEngine engine,
      int threads, int reducers) {
    return AlsFiles.compute(new AlsFiles.Request(new Path(train.toUri()),
        new Path(temp.resolve(output).toUri()), SETTINGS, engine, threads, reducers, 10, false),
        localJobs(new Configuration()));
  }

  private static Configuration localJobs(Configuration conf) {
    conf.set("mapreduce.framework.name", "local");
    conf.setInt("mapreduce.client.completion.pollinterval", 50);
    return conf;
  }

  @Test
  void theEnginesAndThreadCountsWriteTheSameBytes() throws IOException {
    java.nio.file.Path train = AlsTestData.mlLatestSmallTrain(temp);
    AlsFiles.Result memory = fit(train, "memory-1", AlsEngine.MEMORY, 1, 1);
    fit(train, "memory-3", AlsEngine.MEMORY, 3, 1);
    AlsFiles.Result chain = fit(train, "mapreduce", AlsEngine.MAPREDUCE, 2, 2);
    for (String file : FILES) {
      byte[] expected = Files.readAllBytes(temp.resolve("memory-1").resolve(file));
      assertArrayEquals(expected, Files.readAllBytes(temp.resolve("memory-3").resolve(file)),
          file + ", 3 threads");
      assertArrayEquals(expected, Files.readAllBytes(temp.resolve("mapreduce").resolve(file)),
          file + ", mapreduce");
    }
    assertArrayEquals(memory.model().trainingRmse(), chain.model().trainingRmse());
    assertEquals(withManifest(FILES), listing(temp.resolve("mapreduce")),
        "only the results and their manifest in the output: no staging or work folder");
    Configuration conf = localJobs(new Configuration());
    Path work = WorkFolder.of(new Path(temp.resolve("mapreduce").toUri()), conf);
    assertFalse(work.getFileSystem(conf).exists(work), "the work folder is removed: " + work);
  }

  @Test
  void theMapReduceEngineReadsAndWritesHdfs() throws IOException {
    java.nio.file.Path train = AlsTestData.mlLatestSmallTrain(temp);
    fit(train, "memory", AlsEngine.MEMORY, 2, 1);
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, temp.resolve("dfs").toString());
    MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    try {
      Configuration client = localJobs(new Configuration(dfs.getConfiguration(0)));
      FileSystem fs = dfs.getFileSystem();
      Path hdfsTrain = fs.makeQualified(new Path("/cfmr/split/ratings_train.csv"));
      fs.copyFromLocalFile(new Path(train.toUri()), hdfsTrain);
      Path output = fs.makeQualified(new Path("/cfmr/als"));
      AlsFiles.compute(new AlsFiles.Request(hdfsTrain, output, SETTINGS, AlsEngine.MAPREDUCE, 1,
          2, 10, false), client);
      for (String file : List.of(PipelineFiles.USER_FACTORS, PipelineFiles.ITEM_FACTORS,
          PipelineFiles.ITEM_NEIGHBOURS)) {
        try (var in = fs.open(new Path(output, file))) {
          assertArrayEquals(Files.readAllBytes(temp.resolve("memory").resolve(file)),
              in.readAllBytes(), file);
        }
      }
      assertEquals(withManifest(FILES), List.of(fs.listStatus(output)).stream()
          .map(s -> s.getPath().getName()).sorted().toList(), "only the files are left");
    } finally {
      dfs.shutdown();
    }
  }

  /** {@code files} and the result's manifest, sorted: what a result folder holds. */
  private static List<String> withManifest(List<String> files) {
    return java.util.stream.Stream.concat(files.stream(), java.util.stream.Stream.of(
        ResultManifest.NAME)).sorted().toList();
  }

  private static List<String> listing(java.nio.file.Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      // Hadoop's local file system writes .crc checksum files beside what it writes in tests
      // (bin/cfmr turns them off); they are not part of the result.
      return files.map(f -> f.getFileName().toString()).filter(name -> !name.endsWith(".crc"))
          .sorted().toList();
    }
  }
}
