package org.cfmr.sql;

import java.util.concurrent.Callable;
import org.cfmr.core.runtime.CfmrException;
import picocli.CommandLine.Command;

/** {@code cfmr load-mysql}: Load a pipeline's outputs into MySQL atomically. (being built). */
@Command(name = "load-mysql", mixinStandardHelpOptions = true, description = "Load a pipeline's outputs into MySQL atomically.")
public final class LoadMysqlCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CfmrException("cfmr load-mysql is not built yet");
  }
}
