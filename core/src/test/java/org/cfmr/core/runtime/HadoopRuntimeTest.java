package org.cfmr.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Local runs poll for job completion every 50 ms unless the user chose otherwise. */
class HadoopRuntimeTest {
  @AfterEach
  void forgetTheConfiguration() {
    HadoopRuntime.use(null);
  }

  @Test
  void hadoopsDefaultOfFiveSecondsIsReplacedEvenOnceMapredDefaultsAreLoaded() {
    Configuration conf = new Configuration();
    conf.set(HadoopRuntime.POLL_INTERVAL, "5000", "mapred-default.xml");
    HadoopRuntime.use(conf);
    assertEquals("50", HadoopRuntime.configuration().get(HadoopRuntime.POLL_INTERVAL));
  }

  @Test
  void aUsersChoiceIsKept() {
    Configuration conf = new Configuration();
    conf.set(HadoopRuntime.POLL_INTERVAL, "700", "command line");
    HadoopRuntime.use(conf);
    assertEquals("700", HadoopRuntime.configuration().get(HadoopRuntime.POLL_INTERVAL));
  }

  @Test
  void aClusterKeepsHadoopsInterval() {
    Configuration conf = new Configuration();
    conf.set("mapreduce.framework.name", "yarn");
    conf.set(HadoopRuntime.POLL_INTERVAL, "5000", "mapred-default.xml");
    HadoopRuntime.use(conf);
    assertEquals("5000", HadoopRuntime.configuration().get(HadoopRuntime.POLL_INTERVAL));
  }
}
