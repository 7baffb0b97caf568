package org.cfmr.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The top-N figures of one kind of list, on the modes' protocol ({@link TopNMetrics}): averaged
 * over the test users with a relevant rating. The popularity list's ({@link PopularityBaseline})
 * and the lists of a model that is not kNN ({@link ModelResult#lists()}).
 *
 * @param ranking what orders the lists: {@code popularity} (also the popularity row's key in
 *     {@code metrics.json} and its label in tables), or the model's score
 */
public record TopNResult(String ranking, int topN, double relevantFrom, double precision,
    double recall, double ndcg, int rankedUsers) {

  /** {@code nDCG(other) / nDCG(these lists)}, or NaN when this nDCG is 0. */
  public double lift(double otherNdcg) {
    return ndcg == 0 ? Double.NaN : otherNdcg / ndcg;
  }

  /** The figures as a JSON object (the modes' key names). */
  public ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode json = mapper.createObjectNode();
    json.put("ranking", ranking);
    json.put("top_n", topN);
    json.put("relevant_from", relevantFrom);
    json.put("precision_at_n", precision);
    json.put("recall_at_n", recall);
    json.put("ndcg_at_n", ndcg);
    json.put("ranked_users", rankedUsers);
    return json;
  }

  /** The report's line, as the modes' top-N line, after {@code label}. */
  public String report(String label) {
    return String.format(Locale.ROOT, "%s, top-%d (test ratings >= %.1f relevant, %,d users): "
        + "precision@%d %.4f  recall@%d %.4f  nDCG@%d %.4f%n", label, topN, relevantFrom,
        rankedUsers, topN, precision, topN, recall, topN, ndcg);
  }
}
