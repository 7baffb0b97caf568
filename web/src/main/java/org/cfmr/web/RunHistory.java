package org.cfmr.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runs {@code cfmr load-mysql} has loaded into this database, newest first, read from
 * {@code runs}: each run's settings and metrics from the {@code run.json} and
 * {@code metrics.json} stored with it. A file that is not valid JSON shows as no settings or no
 * metrics rather than failing the page.
 */
public final class RunHistory {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Db db;

  public RunHistory(Db db) {
    this.db = db;
  }

  /** Every loaded run, newest first. */
  public List<LoadedRun> all() {
    return db.run(connection -> read(connection, "ORDER BY id DESC", null));
  }

  /** The run with {@code id}, if it was loaded here. */
  public Optional<LoadedRun> get(int id) {
    return db.run(connection -> read(connection, "WHERE id = ?", id)).stream().findFirst();
  }

  private static List<LoadedRun> read(Connection connection, String condition, Integer id)
      throws SQLException {
    List<LoadedRun> runs = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT id,"
        + " DATE_FORMAT(loaded_at, '%Y-%m-%d %H:%i:%s'), source, cfmr_version, run_json,"
        + " metrics_json, id = (SELECT MAX(id) FROM runs) AS current FROM runs " + condition)) {
      if (id != null) {
        query.setInt(1, id);
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          runs.add(new LoadedRun(rows.getInt(1), rows.getString(2), rows.getString(3),
              rows.getString(4), rows.getBoolean(7), settings(parse(rows.getString(5))),
              metrics(parse(rows.getString(6)))));
        }
      }
    }
    return runs;
  }

  private static JsonNode parse(String text) {
    if (text == null) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode json = JSON.readTree(text);
      return json != null && json.isObject() ? json : JSON.createObjectNode();
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode();
    }
  }

  /** run.json's values as {@code key} or {@code section.key}, in its order; stages left out. */
  static Map<String, String> settings(JsonNode run) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = run.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isObject()) {
        field.getValue().fields().forEachRemaining(inner -> {
          if (inner.getValue().isValueNode()) {
            settings.put(field.getKey() + "." + inner.getKey(), text(inner.getValue()));
          }
        });
      } else if (field.getValue().isValueNode() && !field.getKey().equals("cfmr_version")) {
        settings.put(field.getKey(), text(field.getValue()));
      }
    }
    return settings;
  }

  private static String text(JsonNode value) {
    return value.isNull() ? "" : value.asText();
  }

  /** metrics.json's models, in its order: each object with at least one shown metric. */
  static List<ModelMetrics> metrics(JsonNode metrics) {
    List<ModelMetrics> rows = new ArrayList<>();
    metrics.fields().forEachRemaining(field -> {
      JsonNode model = field.getValue();
      Map<String, Double> values = new LinkedHashMap<>();
      for (String key : ModelMetrics.COLUMNS.keySet()) {
        if (model.path(key).isNumber()) {
          values.put(key, model.get(key).asDouble());
        }
      }
      if (!values.isEmpty()) {
        rows.add(new ModelMetrics(name(field.getKey(), model), values));
      }
    });
    return rows;
  }

  /** The model's name: its {@code model} text, else its mode's, else the key. */
  private static String name(String key, JsonNode model) {
    if (model.path("model").isTextual()) {
      return model.get("model").asText();
    }
    return switch (model.path("mode").asText(key)) {
      case "user" -> "user-based";
      case "item" -> "item-based";
      default -> key;
    };
  }
}
