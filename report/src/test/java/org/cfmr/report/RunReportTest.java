package org.cfmr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.cfmr.core.Rating;
import org.cfmr.preprocess.describe.DatasetProfile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** report.html: self-contained, every section there, every text escaped. */
class RunReportTest {
  private static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"";

  private static RunReport.Contents contents() throws Exception {
    JsonNode run = new ObjectMapper().readTree("""
        {"cfmr_version": "1.0", "input": "file:/data/<b>ratings</b>.csv",
         "format": "ratings.csv (with header)",
         "split": {"seed": 42, "train": 5},
         "neighbours": {"similarity": "pearson", "note": "%s"},
         "stages": [{"name": "split", "wall_s": 1.0}]}
        """.formatted(HOSTILE.replace("\"", "\\\"")));
    DatasetProfile profile = DatasetProfile.of(List.of(new Rating(1, 10, 8, 0),
        new Rating(2, 10, 6, 0), new Rating(2, 20, 9, 3_000_000)));
    ChartImage byActivity = BucketChart.of("rmse-by-user-activity", "RMSE by activity",
        "train ratings of the user", "RMSE", Map.of("user-based",
            List.of(new BucketChart.Bar("1–4", 0.9), new BucketChart.Bar("5–19", 0.8))));
    return new RunReport.Contents(run,
        List.of(List.of("mode", "predictions", "ranking", "RMSE"),
            List.of("—", "baseline", "—", "0.8684"), List.of("user", HOSTILE, "sum", "0.8419")),
        List.of(byActivity), profile.shape().report(), DatasetCharts.all(profile, null),
        List.of(List.of("stage", "wall"), List.of("split", "1.0 s")),
        List.of(new RunReport.ResultFile("ratings_train.csv", 2_400_000),
            new RunReport.ResultFile("metrics.json", 900)));
  }

  @Test
  void escapesTitlesAndSettings() throws Exception {
    String html = RunReport.html(contents());
    Document page = Jsoup.parse(html);
    assertTrue(page.select("script").isEmpty(), "no script element from the settings or cells");
    assertFalse(html.contains("<b>ratings</b>"));
    assertEquals("cfmr run: file:/data/<b>ratings</b>.csv", page.title());
    Element setting = page.select("#settings td:contains(neighbours.note) + td").first();
    assertEquals(HOSTILE, setting.text());
    assertEquals(HOSTILE, page.select("#metrics tbody tr").get(1).select("td").get(1).text());
  }

  @Test
  void holdsEverySectionAndNeedsNoNetwork() throws Exception {
    Document page = Jsoup.parse(RunReport.html(contents()));
    for (String id : List.of("metrics", "run-charts", "dataset", "stages", "settings", "files")) {
      assertEquals(1, page.select("section#" + id).size(), id);
    }
    assertEquals(2, page.select("#metrics tbody tr").size());
    assertEquals("0.8684", page.select("#metrics tbody tr td.n").first().text());
    assertEquals(1, page.select("#run-charts svg").size());
    assertEquals(DatasetCharts.names(false).size(), page.select("#dataset svg").size());
    assertTrue(page.select("#dataset pre").text().matches("(?s)ratings +3\\b.*"));
    assertEquals(List.of("ratings_train.csv", "metrics.json"),
        page.select("#files a").eachAttr("href"));
    assertTrue(page.select("#files li").first().text().contains("2.4 MB"));
    assertEquals(List.of("cfmr_version", "input", "format", "split.seed", "split.train",
        "neighbours.similarity", "neighbours.note"),
        page.select("#settings tbody tr td:eq(0)").eachText(), "one row per leaf, in order");
    assertEquals("42", page.select("#settings td:containsOwn(split.seed) + td").text());
    assertTrue(page.select("#settings td:contains(stages)").isEmpty(), "stages have their table");
    assertTrue(page.select("script, link, img, iframe, [src]").isEmpty(), "nothing to fetch");
    assertEquals(1, page.select("style").size());
  }
}
