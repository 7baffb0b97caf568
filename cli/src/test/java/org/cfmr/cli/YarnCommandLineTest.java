package org.cfmr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.cfmr.core.runtime.HadoopRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain's command line ({@link ChainCommandLine}: split, then user–user neighbours; five
 * jobs) submitted to YARN (a one-NodeManager MiniMRYarnCluster; the application master and every
 * map and reduce task in a container of its own) with the cluster's settings given as
 * {@code -conf FILE}, as on a gateway, writes the same bytes as the same line in local mode.
 * Item–item runs the same job classes with the roles swapped (on HDFS and S3 in the other tests).
 * Slow (a container takes seconds to start, so about 15–25 s a job): {@code -DexcludedGroups=slow}
 * leaves it out while iterating; {@code mvn verify}, and so CI, runs it.
 */
@Tag("slow")
class YarnCommandLineTest {
  @TempDir Path temp;

  @AfterEach
  void resetConfiguration() {
    HadoopRuntime.use(new Configuration());
  }

  @Test
  void theSameCommandLineThroughYarnWritesTheLocalFiles() throws Exception {
    ChainCommandLine local = new ChainCommandLine(HdfsCommandLineTest.uri(temp.resolve("local")),
        List.of()).userModeOnly();
    local.uploadInput(temp, new Configuration());
    assertEquals(0, Main.run(local.split()));
    assertEquals(0, Main.run(local.neighbours("mapreduce")));

    MiniMRYarnCluster yarn = new MiniMRYarnCluster("cfmr-yarn-test", 1);
    yarn.init(smallContainers());
    yarn.start();
    try {
      Path clusterXml = temp.resolve("cluster.xml");
      try (OutputStream out = Files.newOutputStream(clusterXml)) {
        yarn.getConfig().writeXml(out);
      }
      ChainCommandLine onYarn = new ChainCommandLine(HdfsCommandLineTest.uri(temp.resolve("yarn")),
          List.of("-conf", clusterXml.toString())).userModeOnly();
      onYarn.uploadInput(temp.resolve("local"), new Configuration());
      assertEquals(0, Main.run(onYarn.split()));
      assertEquals("yarn", HadoopRuntime.configuration().get("mapreduce.framework.name"),
          "the jobs went to YARN");
      assertEquals(0, Main.run(onYarn.neighbours("mapreduce")));
      HdfsCommandLineTest.assertSameFiles(local.results("mapreduce", new Configuration()),
          onYarn.results("mapreduce", new Configuration()));
      assertEquals(onYarn.neighboursFolderExpected(),
          onYarn.neighboursFolderListing("mapreduce", new Configuration()));
    } finally {
      yarn.stop();
    }
  }

  /**
   * Containers of 512 MB with quick-starting JVMs, and heartbeats of 100 ms instead of 1 s: the
   * tasks are tiny, so a job's time is container start-up and scheduling latency.
   */
  private static Configuration smallContainers() {
    String jvm = "-Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
    Configuration conf = new Configuration();
    conf.setInt("yarn.app.mapreduce.am.resource.mb", 512);
    conf.set("yarn.app.mapreduce.am.command-opts", jvm);
    conf.setInt("mapreduce.map.memory.mb", 512);
    conf.setInt("mapreduce.reduce.memory.mb", 512);
    conf.set("mapreduce.map.java.opts", jvm);
    conf.set("mapreduce.reduce.java.opts", jvm);
    conf.setInt("yarn.scheduler.minimum-allocation-mb", 256);
    conf.setInt("yarn.resourcemanager.nodemanagers.heartbeat-interval-ms", 100);
    conf.setInt("yarn.app.mapreduce.am.scheduler.heartbeat.interval-ms", 100);
    conf.setInt("mapreduce.client.progressmonitor.pollinterval", 100);
    conf.setFloat("mapreduce.job.reduce.slowstart.completedmaps", 0f);
    return conf;
  }
}
