package org.cfmr.eval;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.runtime.PipelineFiles;
import picocli.CommandLine.Option;

/** {@code --user-factors} and {@code --item-factors}: ALS's factor files, of the commands that read them. */
final class FactorFileOptions {
  @Option(names = "--user-factors", paramLabel = "FILE",
      description = "With --model als: the users' factor file (default: the folder's "
          + PipelineFiles.USER_FACTORS + ").")
  String userFactors;

  @Option(names = "--item-factors", paramLabel = "FILE",
      description = "With --model als: the movies' factor file, of the same rank (default: the "
          + "folder's " + PipelineFiles.ITEM_FACTORS + ").")
  String itemFactors;

  /** Whether either file was given. */
  boolean given() {
    return userFactors != null || itemFactors != null;
  }

  Path userFile(FolderInputs inputs, Configuration conf) {
    return inputs.file(userFactors, PipelineFiles.USER_FACTORS, "--user-factors", conf);
  }

  Path itemFile(FolderInputs inputs, Configuration conf) {
    return inputs.file(itemFactors, PipelineFiles.ITEM_FACTORS, "--item-factors", conf);
  }

  /** ALS's recommender over the files ({@link FactorRecommender#read}). */
  FactorRecommender read(FolderInputs inputs, TrainData train, EvaluationSettings settings,
      Baseline baseline, Configuration conf) {
    return FactorRecommender.read(train, userFile(inputs, conf), itemFile(inputs, conf),
        settings, baseline, conf);
  }
}
