package org.cfmr.sql;

import org.cfmr.core.runtime.PipelineFiles;

/**
 * The methods of {@code user_item_predictions} (its {@code method} column, an ENUM of
 * {@code schema.sql}), each with the recommendations file of a pipeline folder it is loaded from.
 */
public enum PredictionMethod {
  USER("user", PipelineFiles.USER_BASED_RECOMMENDATIONS),
  ITEM("item", PipelineFiles.ITEM_BASED_RECOMMENDATIONS),
  ALS("als", PipelineFiles.ALS_RECOMMENDATIONS);

  private final String value;
  private final String file;

  PredictionMethod(String value, String file) {
    this.value = value;
    this.file = file;
  }

  /** The value of the {@code method} column. */
  public String value() {
    return value;
  }

  /** The name of the recommendations file in a pipeline folder. */
  public String file() {
    return file;
  }

  /** The method whose recommendations file is named {@code file}. */
  static PredictionMethod ofFile(String file) {
    for (PredictionMethod method : values()) {
      if (method.file.equals(file)) {
        return method;
      }
    }
    throw new IllegalArgumentException(file + " is not a recommendations file");
  }
}
