package org.cfmr.preprocess.synth;

import java.util.concurrent.Callable;
import org.cfmr.core.runtime.CfmrException;
import picocli.CommandLine.Command;

/** {@code cfmr synth}: Generate ratings with the shape of MovieLens 32M at any scale. (being built). */
@Command(name = "synth", mixinStandardHelpOptions = true, description = "Generate ratings with the shape of MovieLens 32M at any scale.")
public final class SynthCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CfmrException("cfmr synth is not built yet");
  }
}
