package org.cfmr.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.runtime.ResultManifest;
import org.cfmr.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain on hdfs:// paths (a one-DataNode MiniDFSCluster, jobs in local mode) gives the memory
 * engine's bytes, with its intermediates on another file system than the output (the default
 * one, local disk here, as with an {@code s3a://} output).
 */
class HdfsChainTest {
  @TempDir java.nio.file.Path temp;

  @Test
  void theChainReadsAndWritesHdfs() throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, temp.resolve("dfs").toString());
    MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    try {
      Configuration client = new Configuration(dfs.getConfiguration(0));
      client.set("mapreduce.framework.name", "local");
      client.setInt("mapreduce.client.completion.pollinterval", 50);
      client.set("fs.defaultFS", "file:///");
      client.set("hadoop.tmp.dir", temp.resolve("hadoop-tmp").toString());
      FileSystem fs = dfs.getFileSystem();
      java.nio.file.Path local = SharedData.golden("ml-100k-u1/ratings_train.csv");
      Path train = fs.makeQualified(new Path("/cfmr/split/ratings_train.csv"));
      fs.copyFromLocalFile(new Path(local.toUri()), train);
      Path output = fs.makeQualified(new Path("/cfmr/neighbours"));
      NeighbourStage.Result result = NeighbourStage.compute(NeighbourStage.Request
          .builder(train, output).mode(ModeSelection.USER).reducers(2).threads(1).build(), client);
      assertEquals(Engine.MAPREDUCE, result.engine(), "auto picks the chain for hdfs://");

      NeighbourStage.compute(NeighbourStage.Request.builder(new Path(local.toUri()),
          new Path(temp.resolve("memory").toUri())).mode(ModeSelection.USER).engine(Engine.MEMORY)
          .threads(2).build(), new Configuration());
      byte[] fromHdfs;
      try (var in = fs.open(new Path(output, PipelineFiles.USER_NEIGHBOURS))) {
        fromHdfs = in.readAllBytes();
      }
      List<String> memory = Files.readAllLines(temp.resolve("memory").resolve(PipelineFiles.USER_NEIGHBOURS));
      assertEquals(memory, new String(fromHdfs, StandardCharsets.UTF_8).lines().toList());
      assertEquals(List.of(ResultManifest.NAME, PipelineFiles.USER_NEIGHBOURS),
          List.of(fs.listStatus(output)).stream().map(s -> s.getPath().getName()).toList(),
          "only the file: no staging or work folder left");
      assertEquals(List.of(), List.of(new java.io.File(temp.resolve("hadoop-tmp").toFile(),
          WorkFolder.BASE).list()), "the work folder on local disk is removed");
    } finally {
      dfs.shutdown();
    }
  }
}
