package org.cfmr.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.ErrorMessages;
import org.cfmr.core.runtime.OutputFolder;

/**
 * Charts as files in a folder ({@code --plot DIR}): {@code <name>.svg} and {@code <name>.png}
 * each, staged and moved into place together ({@link OutputFolder}), so that a failed run leaves
 * the old charts or the new ones.
 */
public final class ChartFiles {
  private ChartFiles() {}

  /** The files of charts named {@code names}. */
  public static List<String> fileNames(List<String> names) {
    List<String> files = new ArrayList<>();
    for (String name : names) {
      files.add(name + ".svg");
      files.add(name + ".png");
    }
    return files;
  }

  /** Refuses, before any work, files of {@code names} that exist unless {@code overwrite}. */
  public static void requireReplaceable(Path folder, List<String> names, boolean overwrite,
      Configuration conf) {
    for (String file : fileNames(names)) {
      OutputFolder.requireReplaceable(new Path(folder, file), overwrite, conf);
    }
  }

  /** Writes every chart; returns the files written. */
  public static List<String> write(List<ChartImage> charts, Path folder, boolean overwrite,
      Configuration conf) {
    List<String> files = fileNames(charts.stream().map(ChartImage::name).toList());
    try (OutputFolder out = OutputFolder.forFiles(folder, files, overwrite, conf)) {
      for (ChartImage chart : charts) {
        write(out, chart.name() + ".svg", chart.svgDocument().getBytes(StandardCharsets.UTF_8));
        write(out, chart.name() + ".png", chart.png());
      }
      out.commit();
    }
    return files;
  }

  private static void write(OutputFolder out, String name, byte[] bytes) {
    try (OutputStream stream = out.fileSystem().create(out.staged(name))) {
      stream.write(bytes);
    } catch (IOException e) {
      throw new CfmrException("cannot write " + out.target(name) + ": " + ErrorMessages.of(e), e);
    }
  }
}
