package org.cfmr.bench.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark MLlib's explicit-feedback ALS on cfmr's split files, printing one line comparable to
 * {@code cfmr als --evaluate}:
 *
 * <pre>
 *   spark als: rank=10 iterations=10 reg=0.1 seed=42, local[2]: fit 3.21 s, test RMSE 0.9312,
 *   MAE 0.7345 over 20,072 of 20,106 test ratings (99.83%: user and item in train)
 * </pre>
 *
 * <p>The fit time is {@code ALS.fit} alone, on the train ratings already read and cached: it
 * covers Spark's partitioning of the ratings into blocks, the initial factors, the iterations
 * and the materialisation of both factor tables (ALS.fit counts them), not the JVM or Spark
 * start-up, the CSV read or the test. The error is Spark's {@link RegressionEvaluator} over the
 * predictions that {@code coldStartStrategy=drop} keeps (user and item in train), as cfmr's.
 *
 * <p>{@code --fits N} fits N times in the same JVM (the error is the last fit's) and prints
 * every fit's time, the later ones showing Spark with its classes loaded and compiled.
 */
public final class SparkAls {
  private static final StructType RATINGS = new StructType()
      .add("userId", DataTypes.IntegerType)
      .add("movieId", DataTypes.IntegerType)
      .add("rating", DataTypes.FloatType)
      .add("timestamp", DataTypes.LongType);

  private SparkAls() {}

  /** What the command line asks for. */
  record Settings(String train, String test, int rank, double reg, int iterations, long seed,
      String master, int fits) {
    String describe() {
      return String.format(Locale.ROOT, "rank=%d iterations=%d reg=%s seed=%d", rank, iterations,
          reg, seed);
    }
  }

  public static void main(String[] args) {
    Settings settings = parse(args);
    SparkSession spark = SparkSession.builder()
        .master(settings.master())
        .appName("cfmr-bench-spark-als")
        .config("spark.ui.enabled", "false")
        // Local mode talks to itself only: on the loopback address, whatever the host name says.
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        // Spark's default of 200 suits a cluster; the test's joins on two cores need few.
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
    try {
      System.out.println(run(spark, settings));
    } finally {
      spark.stop();
    }
  }

  private static String run(SparkSession spark, Settings settings) {
    Dataset<Row> train = readCached(spark, settings.train());
    ALS als = new ALS()
        .setUserCol("userId").setItemCol("movieId").setRatingCol("rating")
        .setImplicitPrefs(false)
        .setRank(settings.rank()).setRegParam(settings.reg()).setMaxIter(settings.iterations())
        .setSeed(settings.seed())
        .setColdStartStrategy("drop");
    List<String> fitSeconds = new ArrayList<>();
    ALSModel model = null;
    for (int fit = 0; fit < settings.fits(); fit++) {
      long start = System.nanoTime();
      model = als.fit(train);
      fitSeconds.add(String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9));
    }
    Dataset<Row> test = readCached(spark, settings.test());
    Dataset<Row> predictions = model.transform(test).cache();
    long covered = predictions.count();
    long total = test.count();
    RegressionEvaluator evaluator = new RegressionEvaluator()
        .setLabelCol("rating").setPredictionCol("prediction");
    double rmse = evaluator.setMetricName("rmse").evaluate(predictions);
    double mae = evaluator.setMetricName("mae").evaluate(predictions);
    return String.format(Locale.ROOT, "spark als: %s, %s: fit %s s, test RMSE %.4f, MAE %.4f"
        + " over %,d of %,d test ratings (%.2f%%: user and item in train)",
        settings.describe(), settings.master(), String.join(", ", fitSeconds), rmse, mae,
        covered, total, 100.0 * covered / total);
  }

  /** A header-less {@code userId,movieId,rating,timestamp} file, read and cached. */
  private static Dataset<Row> readCached(SparkSession spark, String path) {
    Dataset<Row> ratings = spark.read().schema(RATINGS).csv(path).cache();
    ratings.count();
    return ratings;
  }

  private static Settings parse(String[] args) {
    String train = null;
    String test = null;
    int rank = 10;
    double reg = 0.1;
    int iterations = 10;
    long seed = 42;
    String master = "local[2]";
    int fits = 1;
    for (int at = 0; at < args.length; at += 2) {
      if (at + 1 >= args.length) {
        throw usage(args[at] + " needs a value");
      }
      String value = args[at + 1];
      switch (args[at]) {
        case "--train" -> train = value;
        case "--test" -> test = value;
        case "--rank" -> rank = Integer.parseInt(value);
        case "--reg" -> reg = Double.parseDouble(value);
        case "--iterations" -> iterations = Integer.parseInt(value);
        case "--seed" -> seed = Long.parseLong(value);
        case "--master" -> master = value;
        case "--fits" -> fits = Integer.parseInt(value);
        default -> throw usage("unknown option " + args[at]);
      }
    }
    if (train == null || test == null || fits < 1) {
      throw usage("--train and --test are required, and --fits must be >= 1");
    }
    return new Settings(train, test, rank, reg, iterations, seed, master, fits);
  }

  private static IllegalArgumentException usage(String problem) {
    return new IllegalArgumentException(problem + "; usage: SparkAls --train FILE --test FILE"
        + " [--rank K] [--reg LAMBDA] [--iterations N] [--seed SEED] [--master local[2]]"
        + " [--fits N]");
  }
}
