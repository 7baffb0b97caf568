package org.cfmr.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.mapreduce.NeighbourStage.Request;

/** Runs the chain (two reducers) and the memory engine (two threads) and compares their files. */
final class BothEngines {
  private BothEngines() {}

  /**
   * Both modes' neighbour files of {@code train} from both engines, into {@code folder}: each file
   * longer than {@code minimumBytes} and byte-identical between the engines.
   */
  static void assertSameFiles(Path train, NeighbourSettings settings, Configuration conf,
      Path folder, long minimumBytes) throws IOException {
    String label = settings.measure().cliName();
    Path chain = folder.resolve("chain-" + label);
    Path memory = folder.resolve("memory-" + label);
    NeighbourStage.compute(Request.builder(hadoop(train), hadoop(chain))
        .mode(ModeSelection.BOTH).settings(settings).engine(Engine.MAPREDUCE)
        .reducers(2).threads(1).build(), conf);
    NeighbourStage.compute(Request.builder(hadoop(train), hadoop(memory))
        .mode(ModeSelection.BOTH).settings(settings).engine(Engine.MEMORY)
        .reducers(1).threads(2).build(), conf);
    for (String name : List.of(PipelineFiles.USER_NEIGHBOURS, PipelineFiles.ITEM_NEIGHBOURS)) {
      assertTrue(Files.size(memory.resolve(name)) > minimumBytes, name + " has neighbours");
      assertEquals(-1, Files.mismatch(memory.resolve(name), chain.resolve(name)),
          label + " " + name + " differs between the engines");
    }
  }

  private static org.apache.hadoop.fs.Path hadoop(Path file) {
    return new org.apache.hadoop.fs.Path(file.toUri());
  }
}
