package org.cfmr.eval;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.ErrorMessages;
import org.cfmr.core.runtime.OutputFolder;

/** Writes one small text file (a JSON or CSV report) through a staged {@link OutputFolder}. */
final class TextFile {
  private TextFile() {}

  static void write(Path file, String text, boolean overwrite, Configuration conf) {
    Path parent = file.getParent() == null ? new Path(".") : file.getParent();
    try (OutputFolder out = OutputFolder.forFiles(parent, List.of(file.getName()), overwrite, conf)) {
      try (OutputStream stream = out.fileSystem().create(out.staged(file.getName()))) {
        stream.write(text.getBytes(StandardCharsets.UTF_8));
      }
      out.commit();
    } catch (IOException | FSError e) {
      throw new CfmrException("cannot write " + file + ": " + ErrorMessages.of(e), e);
    }
  }
}
