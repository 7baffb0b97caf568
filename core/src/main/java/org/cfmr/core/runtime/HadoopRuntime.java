package org.cfmr.core.runtime;

import org.apache.hadoop.conf.Configuration;

/**
 * The Hadoop {@link Configuration} every command works with: the one {@code bin/cfmr} built from
 * the generic options ({@code -D k=v}, {@code -conf}, {@code -fs}, ...), or a default one.
 */
public final class HadoopRuntime {
  /** Local jobs are slow by default only because the client polls for completion every 5 s. */
  static final String POLL_INTERVAL = "mapreduce.client.completion.pollinterval";

  private static Configuration configuration;

  private HadoopRuntime() {}

  /** Installs the configuration built from the command line. */
  public static synchronized void use(Configuration conf) {
    configuration = conf;
  }

  /** A copy of the configuration in use, tuned for local runs when no cluster is configured. */
  public static synchronized Configuration configuration() {
    Configuration conf = new Configuration(configuration == null ? new Configuration() : configuration);
    if (isLocal(conf) && !setByUser(conf, POLL_INTERVAL)) {
      conf.setInt(POLL_INTERVAL, 50);
    }
    return conf;
  }

  /**
   * Whether {@code key} was given a value other than Hadoop's built-in default: once any
   * MapReduce class has loaded, every new Configuration also reads {@code mapred-default.xml}.
   */
  static boolean setByUser(Configuration conf, String key) {
    String[] sources = conf.getPropertySources(key);
    return sources != null
        && !java.util.Arrays.stream(sources).allMatch(source -> source.endsWith("-default.xml"));
  }

  /** Whether jobs run in this JVM (LocalJobRunner) rather than on YARN. */
  public static boolean isLocal(Configuration conf) {
    return "local".equals(conf.get("mapreduce.framework.name", "local"));
  }
}
