package org.cfmr.preprocess;

import java.util.concurrent.Callable;
import org.cfmr.core.runtime.CfmrException;
import picocli.CommandLine.Command;

/** {@code cfmr split}: Validate a MovieLens ratings file and split it into ratings_train.csv and ratings_test.csv. (being built). */
@Command(name = "split", mixinStandardHelpOptions = true, description = "Validate a MovieLens ratings file and split it into ratings_train.csv and ratings_test.csv.")
public final class SplitCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CfmrException("cfmr split is not built yet");
  }
}
