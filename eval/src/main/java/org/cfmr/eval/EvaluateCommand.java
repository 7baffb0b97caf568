package org.cfmr.eval;

import java.util.concurrent.Callable;
import org.cfmr.core.runtime.CfmrException;
import picocli.CommandLine.Command;

/** {@code cfmr evaluate}: RMSE, MAE, coverage and top-N metrics of kNN predictions on the test split. (being built). */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "RMSE, MAE, coverage and top-N metrics of kNN predictions on the test split.")
public final class EvaluateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CfmrException("cfmr evaluate is not built yet");
  }
}
