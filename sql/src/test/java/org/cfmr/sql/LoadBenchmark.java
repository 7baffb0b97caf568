package org.cfmr.sql;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.StableHash;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.testing.Manifests;
import org.cfmr.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The figures of BENCHMARKS.md (not a test: it asserts nothing and runs only when asked):
 * {@code cfmr load-mysql}'s rows/s for the ml-latest-small neighbour tables and for 1M synthetic
 * predictions (10,000 users × 100 movies). Run with
 * {@code CI=true mvn -B -o -pl sql -am verify -Dtest=LoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dcfmr.benchmark=true}
 * and the CFMR_TEST_* variables of {@code .ci/run}; it prints the loader's summary and leaves the
 * folder it loaded in {@code sql/target/benchmark-run}.
 */
@EnabledIfSystemProperty(named = "cfmr.benchmark", matches = "true")
class LoadBenchmark {
  @Test
  void loadMillionPredictionsAndTheNeighbourTables() throws Exception {
    Path folder = PipelineFixture.create(Path.of("target/benchmark-run"), true);
    List<String> predictions = new ArrayList<>(1_000_000);
    for (int user = 1; user <= 10_000; user++) {
      for (int rank = 0; rank < 100; rank++) {
        int movie = rank * 2000 + (int) (StableHash.unit(7, user, rank) * 2000);
        predictions.add(String.format(Locale.ROOT, "%d,%d,%.6f", user, movie, 5.0 - rank * 0.01));
      }
    }
    PipelineFixture.write(folder.resolve(PipelineFiles.USER_BASED_RECOMMENDATIONS), predictions);
    PipelineFixture.write(folder.resolve(PipelineFiles.ITEM_BASED_RECOMMENDATIONS), List.of());
    Manifests.write(folder);
    TestDatabase db = new TestDatabase();
    LoadSummary summary = new MysqlLoader(new LoadSettings(db.url, db.user, db.password,
        new org.apache.hadoop.fs.Path(folder.toAbsolutePath().toUri()), null, null),
        new Configuration()).run();
    System.out.print(summary.toText());
  }
}
