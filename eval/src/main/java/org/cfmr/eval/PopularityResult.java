package org.cfmr.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The top-N figures of the popularity list ({@link PopularityBaseline}: no rating predictions),
 * on the same protocol as the modes' ({@link TopNMetrics}): averaged over the test users with a
 * relevant rating.
 *
 * @param name the baseline's key in {@code metrics.json} and its label in tables
 */
public record PopularityResult(String name, int topN, double relevantFrom, double precision,
    double recall, double ndcg, int rankedUsers) {

  /** {@code nDCG(mode) / nDCG(baseline)}, or NaN when the baseline's nDCG is 0. */
  public double lift(EvaluationResult result) {
    return ndcg == 0 ? Double.NaN : result.ndcg() / ndcg;
  }

  /** The figures as a JSON object (the modes' key names). */
  public ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode json = mapper.createObjectNode();
    json.put("ranking", name);
    json.put("top_n", topN);
    json.put("relevant_from", relevantFrom);
    json.put("precision_at_n", precision);
    json.put("recall_at_n", recall);
    json.put("ndcg_at_n", ndcg);
    json.put("ranked_users", rankedUsers);
    return json;
  }

  /** The report's line, as the modes' top-N line. */
  public String report() {
    return String.format(Locale.ROOT, "%s, top-%d (test ratings >= %.1f relevant, %,d users): "
        + "precision@%d %.4f  recall@%d %.4f  nDCG@%d %.4f%n", name, topN, relevantFrom,
        rankedUsers, topN, precision, topN, recall, topN, ndcg);
  }
}
