package org.cfmr.mapreduce;

import java.util.concurrent.Callable;
import org.cfmr.core.runtime.CfmrException;
import picocli.CommandLine.Command;

/** {@code cfmr neighbours}: Compute the top-K user-user and item-item neighbour files from ratings_train.csv. (being built). */
@Command(name = "neighbours", mixinStandardHelpOptions = true, description = "Compute the top-K user-user and item-item neighbour files from ratings_train.csv.")
public final class NeighboursCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CfmrException("cfmr neighbours is not built yet");
  }
}
