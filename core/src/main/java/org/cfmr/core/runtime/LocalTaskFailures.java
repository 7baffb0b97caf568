package org.cfmr.core.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.apache.log4j.spi.ThrowableInformation;

/**
 * The exception a map or reduce task died of when the job ran in this JVM. Hadoop's
 * LocalJobRunner keeps it nowhere but in one WARN line of its log ({@code job id} and the
 * throwable): the job's status says only "NA". This appender on that logger keeps the throwable
 * per job id for {@link JobRunner}, and passes on to the usual appenders only the events that the
 * logging configuration let through before, so the console shows what it showed without it.
 */
final class LocalTaskFailures extends AppenderSkeleton {
  private static final String LOGGER = "org.apache.hadoop.mapred.LocalJobRunner";
  private static LocalTaskFailures installed;

  private final Map<String, Throwable> byJob = new ConcurrentHashMap<>();
  private final Level configured;

  private LocalTaskFailures(Level configured) {
    this.configured = configured;
  }

  /** Starts listening to LocalJobRunner's log (once per JVM). */
  static synchronized LocalTaskFailures listen() {
    if (installed == null) {
      Logger logger = Logger.getLogger(LOGGER);
      installed = new LocalTaskFailures(logger.getEffectiveLevel());
      logger.setLevel(Level.WARN.isGreaterOrEqual(installed.configured) ? installed.configured
          : Level.WARN);
      logger.setAdditivity(false);
      logger.addAppender(installed);
    }
    return installed;
  }

  /**
   * The throwable job {@code jobId} failed with, removed from memory, or null when none is logged
   * within {@code millis}: LocalJobRunner marks a job failed just before it logs why, so a client
   * that sees the failure may be there first.
   */
  synchronized Throwable take(String jobId, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    Throwable thrown;
    while ((thrown = byJob.remove(jobId)) == null) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return null;
      }
      wait(left);
    }
    return thrown;
  }

  @Override
  protected void append(LoggingEvent event) {
    ThrowableInformation thrown = event.getThrowableInformation();
    if (thrown != null && thrown.getThrowable() != null && event.getMessage() != null
        && event.getLevel().isGreaterOrEqual(Level.WARN)) {
      byJob.put(event.getMessage().toString(), thrown.getThrowable());
      notifyAll();  // doAppend holds this appender's lock
    }
    if (event.getLevel().isGreaterOrEqual(configured)) {
      Logger.getRootLogger().callAppenders(event);
    }
  }

  @Override
  public void close() {
    byJob.clear();
  }

  @Override
  public boolean requiresLayout() {
    return false;
  }
}
