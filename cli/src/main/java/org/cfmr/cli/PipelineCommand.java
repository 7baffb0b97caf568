package org.cfmr.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The main job: split, neighbours, evaluation and recommendations in one command. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = "Run the whole chain on a MovieLens dataset (the bundled one by default).")
final class PipelineCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("cfmr pipeline: no stages are built yet");
    return 1;
  }
}
