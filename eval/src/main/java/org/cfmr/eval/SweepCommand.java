package org.cfmr.eval;

import java.util.concurrent.Callable;
import org.cfmr.core.runtime.CfmrException;
import picocli.CommandLine.Command;

/** {@code cfmr sweep}: Neighbours and evaluation over a grid of settings, as one table. (being built). */
@Command(name = "sweep", mixinStandardHelpOptions = true, description = "Neighbours and evaluation over a grid of settings, as one table.")
public final class SweepCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CfmrException("cfmr sweep is not built yet");
  }
}
