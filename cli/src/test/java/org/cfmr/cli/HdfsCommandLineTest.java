package org.cfmr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.runtime.ResultManifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain's command line ({@link ChainCommandLine}) with {@code hdfs://} paths, on a one-DataNode
 * MiniDFSCluster that is the default file system (as on a cluster) with the jobs in local mode,
 * writes the same bytes as the same line on {@code file://}, stopped after phase 2 and resumed,
 * with its intermediates on HDFS and only the results in the output folders; and on local disk
 * the chain and the memory engine agree.
 */
class HdfsCommandLineTest {
  @TempDir Path temp;

  @AfterEach
  void resetConfiguration() {
    HadoopRuntime.use(new Configuration());
  }

  @Test
  void theSameCommandLineOnHdfsWritesTheLocalFiles() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, temp.resolve("dfs").toString());
    MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    try {
      ChainCommandLine local = new ChainCommandLine(uri(temp.resolve("local")), List.of());
      local.uploadInput(temp, new Configuration());
      assertEquals(0, Main.run(local.split()));
      assertEquals(0, Main.run(local.neighbours("mapreduce")));
      assertEquals(0, Main.run(local.neighbours("memory")));
      Map<String, byte[]> expected = local.results("mapreduce", new Configuration());
      assertSameFiles(expected, local.results("memory", new Configuration()));
      assertTrue(expected.get(PipelineFiles.USER_NEIGHBOURS).length > 1000, "neighbours were found");

      ChainCommandLine hdfs = new ChainCommandLine(dfs.getURI() + "/cfmr",
          List.of("-D", "dfs.replication=1", "-D", "fs.defaultFS=" + dfs.getURI()));
      Configuration client = dfs.getConfiguration(0);
      hdfs.uploadInput(temp.resolve("local"), client);
      assertEquals(0, Main.run(hdfs.split()));
      assertEquals(0, Main.run(hdfs.neighbours("mapreduce", "--end-phase", "2")));
      assertEquals(List.of(), hdfs.neighboursFolderListing("mapreduce", client),
          "no intermediates in the output folder");
      FileSystem fs = dfs.getFileSystem();
      org.apache.hadoop.fs.Path works =
          new org.apache.hadoop.fs.Path(client.get("hadoop.tmp.dir"), "cfmr-work");
      FileStatus[] work = fs.listStatus(works);
      assertEquals(1, work.length, "one work folder on HDFS, the default file system");
      assertTrue(fs.exists(new org.apache.hadoop.fs.Path(work[0].getPath(),
          "item/2-pair-statistics/_SUCCESS")));
      assertEquals(0, Main.run(hdfs.neighbours("mapreduce", "--resume")));
      assertSameFiles(expected, hdfs.results("mapreduce", client));
      assertEquals(hdfs.neighboursFolderExpected(),
          hdfs.neighboursFolderListing("mapreduce", client), "no staging or work folder left");
      assertEquals(List.of(ResultManifest.NAME, PipelineFiles.TEST, PipelineFiles.TRAIN),
          hdfs.splitFolderListing(client));
      assertFalse(fs.exists(work[0].getPath()), "the work folder is removed");
    } finally {
      dfs.shutdown();
    }
  }

  static String uri(Path folder) {
    String uri = folder.toUri().toString();
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));
  }
}
