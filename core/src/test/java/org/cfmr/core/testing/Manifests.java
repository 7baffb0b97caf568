package org.cfmr.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.cfmr.core.runtime.ResultManifest;
import org.cfmr.core.runtime.ResultStage;

/** Test fixtures made by hand become result folders: a manifest of the files they hold. */
public final class Manifests {
  private Manifests() {}

  /** Writes (or rewrites) {@code folder}'s manifest listing its visible files as they are now. */
  public static void write(Path folder) {
    try {
      FileSystem fs = FileSystem.getLocal(new Configuration()).getRawFileSystem();
      Map<String, ResultManifest.Entry> entries = new LinkedHashMap<>();
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.sorted().toList()) {
          String name = file.getFileName().toString();
          if (Files.isRegularFile(file) && !name.startsWith("_") && !name.startsWith(".")) {
            entries.put(name, ResultManifest.describe(fs, hadoop(file), "fixture"));
          }
        }
      }
      ResultManifest.empty().with(fs.makeQualified(hadoop(folder)), entries,
          ResultStage.of("fixture"))
          .write(fs, hadoop(folder.resolve(ResultManifest.NAME)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static org.apache.hadoop.fs.Path hadoop(Path path) {
    return new org.apache.hadoop.fs.Path(path.toUri());
  }
}
