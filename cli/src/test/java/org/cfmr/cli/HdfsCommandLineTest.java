package org.cfmr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.runtime.PipelineFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain's command line ({@link ChainCommandLine}) with {@code hdfs://} paths, on a one-DataNode
 * MiniDFSCluster with the jobs in local mode, writes the same bytes as the same line on
 * {@code file://}; and on local disk the chain and the memory engine agree.
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
          List.of("-D", "dfs.replication=1"));
      Configuration client = dfs.getConfiguration(0);
      hdfs.uploadInput(temp.resolve("local"), client);
      assertEquals(0, Main.run(hdfs.split()));
      assertEquals(0, Main.run(hdfs.neighbours("mapreduce")));
      assertSameFiles(expected, hdfs.results("mapreduce", client));
      assertEquals(hdfs.neighboursFolderExpected(),
          hdfs.neighboursFolderListing("mapreduce", client), "no staging or work folder left");
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
