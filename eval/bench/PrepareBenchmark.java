import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.RatingFormat;
import org.cfmr.core.Rating;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.StableHash;
import org.cfmr.mapreduce.memory.MemoryNeighbours;

/**
 * Benchmark input: splits a MovieLens ratings file 80/20 by StableHash.unit(42, user, item) < 0.8
 * into OUT/ratings_{train,test}.csv and computes the default neighbour files (memory engine).
 * Usage: java -cp ... PrepareBenchmark.java RATINGS OUT
 */
public class PrepareBenchmark {
  public static void main(String[] args) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    RatingFormat format = RatingFormat.detect(lines.get(0));
    List<String> train = new ArrayList<>();
    List<String> test = new ArrayList<>();
    for (String line : lines.subList(format.hasHeader() ? 1 : 0, lines.size())) {
      Rating r = format.parse(line);
      (StableHash.unit(42, r.user(), r.item()) < 0.8 ? train : test).add(r.toCsv());
    }
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    Files.write(out.resolve("ratings_train.csv"), train);
    Files.write(out.resolve("ratings_test.csv"), test);
    Configuration conf = new Configuration();
    org.apache.hadoop.fs.Path trainFile =
        new org.apache.hadoop.fs.Path(out.resolve("ratings_train.csv").toUri());
    for (boolean users : new boolean[] {true, false}) {
      MemoryNeighbours.write(trainFile, new org.apache.hadoop.fs.Path(out.resolve(
              (users ? "user" : "item") + "_topk_neighbors.txt").toUri()),
          users ? org.cfmr.core.Mode.USER : org.cfmr.core.Mode.ITEM,
          NeighbourSettings.defaults(), 2, conf);
    }
  }
}
