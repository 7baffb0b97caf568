package org.cfmr.mapreduce.chain;

import java.util.concurrent.atomic.AtomicReference;
import org.cfmr.core.runtime.CfmrException;

/**
 * The one-line error of a task that stopped on bad input, kept for the driver when the task ran
 * in its JVM: Hadoop's local runner reports a failed job's diagnostics as "NA", so without this
 * the user would not learn which file and line were wrong. (On a cluster the driver reads them
 * from the task diagnostics instead.)
 */
public final class TaskFailure {
  private static final AtomicReference<String> LAST = new AtomicReference<>();

  private TaskFailure() {}

  /** Remembers {@code error}'s message and returns the error, to be thrown. */
  public static CfmrException remember(CfmrException error) {
    LAST.compareAndSet(null, error.getMessage());
    return error;
  }

  /** The message remembered since the last call, or null. */
  public static String take() {
    return LAST.getAndSet(null);
  }
}
