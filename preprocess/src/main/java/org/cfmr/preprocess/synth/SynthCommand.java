package org.cfmr.preprocess.synth;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.UsageException;
import org.cfmr.core.runtime.BundledData;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.runtime.OutputFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cfmr synth}: generates ratings with the shape of MovieLens 32M at any scale
 * ({@link SyntheticRatings}); {@code cfmr describe} shows the shape of what it wrote.
 */
@Command(name = "synth", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Generate ratings with the shape of MovieLens 32M at any scale "
        + "(ml-32m's ratings.csv format, sorted by user then movie); cfmr describe shows "
        + "their shape.",
        "Example: cfmr synth --scale 0.25 --seed 42 --output data/synth/ratings.csv"})
public final class SynthCommand implements Callable<Integer> {
  static final String MOVIES = "movies.csv";
  static final String LINKS = "links.csv";

  @Option(names = "--output", paramLabel = "FILE", required = true,
      description = "Where to write the generated ratings.csv (any Hadoop path); movies.csv "
          + "and links.csv (titles and genres of the bundled movies) are written beside it.")
  String output;

  @Option(names = "--scale", defaultValue = "1.0",
      description = "Size relative to ml-32m: users = round(200,948·scale), movies = "
          + "round(87,585·scale), ratings ≈ 32M·scale (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--seed", defaultValue = "42",
      description = "Random seed; the same seed and scale give the same bytes "
          + "(default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", defaultValue = "0",
      description = "Generator threads; 0 = all cores. The output does not depend on it "
          + "(default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--overwrite", description = "Replace an existing output file.")
  boolean overwrite;

  @Override
  public Integer call() throws IOException {
    Configuration conf = HadoopRuntime.configuration();
    generate(new Path(output), conf);
    return 0;
  }

  private void generate(Path output, Configuration conf) throws IOException {
    long start = System.nanoTime();
    if (List.of(MOVIES, LINKS).contains(output.getName())) {
      throw new UsageException("--output " + output + ": the ratings need another name than the "
          + MOVIES + " and " + LINKS + " written beside them");
    }
    SyntheticRatings ratings = new SyntheticRatings(scale, seed);
    SyntheticMovies movies = SyntheticMovies.from(BundledData.file(MOVIES));
    Path parent = output.getParent() == null ? new Path(".") : output.getParent();
    try (OutputFolder folder = OutputFolder.forFiles(parent,
        List.of(output.getName(), MOVIES, LINKS), overwrite, conf)) {
      try (OutputStream out = new BufferedOutputStream(
          folder.fileSystem().create(folder.staged(output.getName()), true), 1 << 20)) {
        ratings.write(out, threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
      }
      try (Writer out = writer(folder, MOVIES)) {
        movies.writeMovies(out, ratings.movies());
      }
      try (Writer out = writer(folder, LINKS)) {
        SyntheticMovies.writeLinks(out, ratings.movies());
      }
      folder.commit();
    }
    System.err.printf(Locale.ROOT, "synth: %,d ratings by %,d users of %,d movies (scale %s, "
            + "seed %d) in %.1fs -> %s, with %s and %s beside it%n", ratings.ratings(),
        ratings.users(), ratings.movies(), scale, seed, (System.nanoTime() - start) / 1e9, output,
        MOVIES, LINKS);
  }

  private static Writer writer(OutputFolder folder, String name) throws IOException {
    return new BufferedWriter(new OutputStreamWriter(
        folder.fileSystem().create(folder.staged(name), true), StandardCharsets.UTF_8), 1 << 16);
  }
}
