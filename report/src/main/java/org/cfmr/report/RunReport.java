package org.cfmr.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.cfmr.core.runtime.StageMeter;

/**
 * {@code report.html}: one self-contained page about a pipeline run, readable from the folder
 * without a server or the network (inline CSS and SVG): the run's settings, the metrics table
 * (the baselines' rows beside the models'), the run's charts, the dataset's shape and charts,
 * the time, CPU and memory of each stage, and links to the result's files.
 */
public final class RunReport {
  private static final String STYLE = """
      body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:76rem;padding:0 1rem;
      color:#222;line-height:1.4}
      h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2.2rem;
      border-bottom:1px solid #ddd;padding-bottom:.2rem}
      table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}
      th,td{padding:.25rem .6rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
      th{background:#f6f6f6}td.n{text-align:right;font-variant-numeric:tabular-nums}
      .charts{display:flex;flex-wrap:wrap;gap:1rem}
      .charts figure{margin:0;flex:1 1 32rem;max-width:45rem}
      .charts svg{width:100%;height:auto;border:1px solid #eee}
      pre{background:#f6f6f6;padding:.6rem;overflow-x:auto;font-size:.85rem}
      nav a{margin-right:1rem}
      """;

  /** A file of the result, its name (the link, relative to the page) and size. */
  public record ResultFile(String name, long bytes) {}

  /**
   * Everything the page shows.
   *
   * @param run the run's {@code run.json}
   * @param metrics the metrics table, its header first ({@code ResultsTable.cells})
   * @param runCharts the run's charts (error and coverage by bucket)
   * @param datasetShape the dataset's shape table ({@code RatingsShape.report()})
   * @param datasetCharts the dataset's charts ({@link DatasetCharts#all})
   * @param stages the stage table, its header first ({@code StageMeter.cells})
   * @param files the result's files
   */
  public record Contents(JsonNode run, List<List<String>> metrics, List<ChartImage> runCharts,
      String datasetShape, List<ChartImage> datasetCharts, List<List<String>> stages,
      List<ResultFile> files) {}

  private RunReport() {}

  public static String html(Contents contents) {
    JsonNode run = contents.run();
    Html page = new Html().raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
        + "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">");
    page.element("title", "cfmr run: " + run.path("input").asText());
    page.raw("<style>" + STYLE + "</style>\n</head>\n<body>");
    page.element("h1", "cfmr run");
    page.element("p", run.path("input").asText() + " (" + run.path("format").asText() + "), cfmr "
        + run.path("cfmr_version").asText());
    page.raw("<nav><a href=\"#metrics\">Metrics</a><a href=\"#run-charts\">By activity and "
        + "popularity</a><a href=\"#dataset\">Dataset</a><a href=\"#stages\">Stages</a>"
        + "<a href=\"#settings\">Settings</a><a href=\"#files\">Files</a></nav>");
    page.section("metrics", "Metrics").table(contents.metrics(), 3).close("section");
    charts(page.section("run-charts", "Error and coverage by activity and popularity"),
        contents.runCharts()).close("section");
    page.section("dataset", "Dataset").element("pre", contents.datasetShape());
    charts(page, contents.datasetCharts()).close("section");
    page.section("stages", "Stages").table(contents.stages(), 1).close("section");
    page.section("settings", "Settings").table(settings(run), 1).close("section");
    files(page.section("files", "Files"), contents.files()).close("section");
    return page.raw("</body>\n</html>").toString();
  }

  private static Html charts(Html page, List<ChartImage> charts) {
    page.open("div", "charts");
    for (ChartImage chart : charts) {
      page.open("figure").raw(chart.svg()).close("figure");
    }
    return page.close("div");
  }

  /** Every setting of {@code run.json} but its stages, one row per leaf: {@code split.seed 42}. */
  static List<List<String>> settings(JsonNode run) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("setting", "value"));
    flatten("", run, rows);
    return rows;
  }

  private static void flatten(String prefix, JsonNode node, List<List<String>> rows) {
    if (!node.isObject()) {
      rows.add(List.of(prefix, node.asText()));
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getKey().equals("stages")) {
        flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
            field.getValue(), rows);
      }
    }
  }

  private static Html files(Html page, List<ResultFile> files) {
    page.open("ul");
    for (ResultFile file : files) {
      page.raw("<li>").link(file.name(), file.name()).raw(" (" + StageMeter.bytes(file.bytes()) + ")</li>");
    }
    return page.close("ul");
  }
}
