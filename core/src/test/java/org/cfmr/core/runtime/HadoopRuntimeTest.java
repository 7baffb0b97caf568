package org.cfmr.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Local runs poll for job completion every 50 ms unless the user set an interval. */
class HadoopRuntimeTest {
  @AfterEach
  void reset() {
    HadoopRuntime.use(new Configuration());
  }

  @Test
  void localRunsPollQuicklyEvenOnceHadoopsMapReduceDefaultsAreLoaded() {
    Configuration.addDefaultResource("mapred-default.xml"); // what loading JobConf does
    HadoopRuntime.use(new Configuration());
    assertEquals("50", HadoopRuntime.configuration().get(HadoopRuntime.POLL_INTERVAL));
  }

  @Test
  void aPollIntervalTheUserGaveIsKept() {
    Configuration conf = new Configuration();
    conf.set(HadoopRuntime.POLL_INTERVAL, "2000");
    HadoopRuntime.use(conf);
    assertEquals("2000", HadoopRuntime.configuration().get(HadoopRuntime.POLL_INTERVAL));
  }

  @Test
  void aClusterKeepsHadoopsPollInterval() {
    Configuration conf = new Configuration();
    conf.set("mapreduce.framework.name", "yarn");
    HadoopRuntime.use(conf);
    assertNotEquals("50", HadoopRuntime.configuration().get(HadoopRuntime.POLL_INTERVAL));
  }
}
