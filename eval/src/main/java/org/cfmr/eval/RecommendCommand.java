package org.cfmr.eval;

import java.util.concurrent.Callable;
import org.cfmr.core.runtime.CfmrException;
import picocli.CommandLine.Command;

/** {@code cfmr recommend}: Top-N recommendations per user from the neighbour files. (being built). */
@Command(name = "recommend", mixinStandardHelpOptions = true, description = "Top-N recommendations per user from the neighbour files.")
public final class RecommendCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CfmrException("cfmr recommend is not built yet");
  }
}
