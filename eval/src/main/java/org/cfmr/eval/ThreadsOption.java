package org.cfmr.eval;

import org.cfmr.core.UsageException;
import picocli.CommandLine.Option;

/** {@code --threads N} of the evaluation commands: all cores by default. */
final class ThreadsOption {
  @Option(names = "--threads", paramLabel = "N",
      description = "Threads (default: all cores, here ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  /** The thread count given, at least 1. */
  int count() {
    if (threads < 1) {
      throw new UsageException("--threads must be >= 1, not " + threads);
    }
    return threads;
  }
}
