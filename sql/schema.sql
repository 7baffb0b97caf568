-- cfmr's MySQL/MariaDB schema: what `cfmr load-mysql` fills from a pipeline output folder.
-- schema_version: 6
--
-- `cfmr load-mysql` runs each CREATE TABLE below twice: as written (so that the live tables exist
-- on a first load) and with the table renamed `<name>__staging`, which it fills and then swaps in
-- with one RENAME TABLE for all of them; the previous tables become `<name>__old` and are dropped.
-- Readers therefore see the old load or the new one, never a mix. Every table is utf8mb4.
-- Statements end with `;` at the end of a line; comments are whole `--` lines; each column and
-- key is on a line of its own. A staging table is created without its secondary keys (the KEY
-- and UNIQUE KEY lines), filled in the order of its primary key, which is the order of the files,
-- and then given them in one ALTER TABLE, which builds each by sorting.

-- The schema version of the tables in place (one row; the number above).
CREATE TABLE IF NOT EXISTS schema_version (
  version INT NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per load, kept across loads, the last one (highest id) describing the tables in place;
-- run_json is the pipeline's run.json as written (its input, dataset and settings) and
-- metrics_json its metrics.json, each NULL when the folder had none.
CREATE TABLE IF NOT EXISTS runs (
  id INT NOT NULL PRIMARY KEY,
  loaded_at TIMESTAMP NOT NULL,
  source VARCHAR(1024) NOT NULL,
  cfmr_version VARCHAR(64) NULL,
  run_json LONGTEXT NULL,
  metrics_json LONGTEXT NULL,
  missing_files VARCHAR(1024) NOT NULL,
  seconds DOUBLE NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The files each load read: where from, size, SHA-256 and the rows they gave (a prediction
-- neighbour file that stands in for the ranking file is read twice, once for each table).
CREATE TABLE IF NOT EXISTS run_files (
  run_id INT NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  table_name VARCHAR(64) NOT NULL,
  path VARCHAR(1024) NOT NULL,
  bytes BIGINT NOT NULL,
  sha256 CHAR(64) NOT NULL,
  row_count BIGINT NOT NULL,
  PRIMARY KEY (run_id, file_name, table_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- movies.csv: year is the trailing "(YYYY)" of the title, NULL when there is none; title_order
-- is the title's place (from 1) in alphabetical order, ties by movie_id, for the library's pages.
CREATE TABLE IF NOT EXISTS movies (
  movie_id INT NOT NULL PRIMARY KEY,
  title VARCHAR(1024) NOT NULL,
  year SMALLINT NULL,
  genres VARCHAR(1024) NOT NULL,
  title_order INT NOT NULL,
  KEY movies_by_year (year),
  UNIQUE KEY movies_by_title_order (title_order)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The words of each title (TitleWords: runs of letters and digits, lower case, accents removed),
-- for the library's search: a query's words each begin a word of the titles it finds, each
-- found by a range of the primary key instead of a scan of every title.
CREATE TABLE IF NOT EXISTS movie_title_words (
  word VARCHAR(64) NOT NULL,
  movie_id INT NOT NULL,
  PRIMARY KEY (word, movie_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- links.csv: imdb_id as printed by MovieLens (7 digits with leading zeros; IMDb's id is "tt" + it).
CREATE TABLE IF NOT EXISTS links (
  movie_id INT NOT NULL PRIMARY KEY,
  imdb_id VARCHAR(16) NULL,
  tmdb_id INT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ratings_train.csv / ratings_test.csv: rated_at is the MovieLens timestamp (seconds since 1970).
CREATE TABLE IF NOT EXISTS ratings_train (
  user_id INT NOT NULL,
  movie_id INT NOT NULL,
  rating DECIMAL(2,1) NOT NULL,
  rated_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, movie_id),
  KEY ratings_train_by_movie (movie_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ratings_test (
  user_id INT NOT NULL,
  movie_id INT NOT NULL,
  rating DECIMAL(2,1) NOT NULL,
  rated_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, movie_id),
  KEY ratings_test_by_movie (movie_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each movie's train ratings in figures, computed by load-mysql from ratings_train once its rows
-- are in: the dashboard's counts, means, popular movies and rating range, without reading the
-- ratings at every page (at ml-32m's size a popular movie has ~90,000 of them); baseline_bias is
-- the movie's b_i in the baseline of item_predictor, in its unit.
CREATE TABLE IF NOT EXISTS movie_stats (
  movie_id INT NOT NULL PRIMARY KEY,
  ratings INT NOT NULL,
  rating_sum DECIMAL(12,1) NOT NULL,
  min_rating DECIMAL(2,1) NOT NULL,
  max_rating DECIMAL(2,1) NOT NULL,
  baseline_bias BIGINT NOT NULL,
  KEY movie_stats_by_ratings (ratings)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How the run made its item-based predictions, one row: metrics.json's item-based settings (cfmr
-- evaluate's defaults for a folder without them), so that the dashboard's live lists predict as
-- `cfmr recommend` did. global_mean is μ of the baseline b_ui = μ + b_u + b_i that load-mysql fits
-- on ratings_train with the run's baseline settings (each b_i is in movie_stats; the dashboard
-- folds in a rater's b_u from their ratings), in units of 2^-36 star, exact as cfmr fits it.
CREATE TABLE IF NOT EXISTS item_predictor (
  global_mean BIGINT NOT NULL PRIMARY KEY,
  item_formula VARCHAR(16) NOT NULL,
  predictor VARCHAR(16) NOT NULL,
  damping DOUBLE NOT NULL,
  min_neighbours INT NOT NULL,
  clipped BOOLEAN NOT NULL,
  fallback VARCHAR(16) NOT NULL,
  baseline_reg_user DOUBLE NOT NULL,
  baseline_reg_item DOUBLE NOT NULL,
  baseline_epochs INT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The dataset's charts as SVG, in cfmr describe's order: drawn by load-mysql from the train and
-- test ratings and movies.csv, for the dashboard's Dataset page.
CREATE TABLE IF NOT EXISTS dataset_charts (
  chart_order SMALLINT NOT NULL PRIMARY KEY,
  name VARCHAR(64) NOT NULL,
  title VARCHAR(255) NOT NULL,
  svg LONGTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- user_topk_neighbors.txt: one row per neighbour, neighbor_rank 1 = most similar; similarity as
-- printed in the file (6 decimals). "Neighbours of X by rank" uses the primary key, "who has X as a
-- neighbour" the second key.
CREATE TABLE IF NOT EXISTS user_neighbors (
  user_id INT NOT NULL,
  neighbor_rank SMALLINT NOT NULL,
  neighbor_id INT NOT NULL,
  similarity DECIMAL(7,6) NOT NULL,
  PRIMARY KEY (user_id, neighbor_rank),
  UNIQUE KEY user_neighbors_by_neighbor (neighbor_id, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- item_topk_neighbors.txt, the same for movies, with each pair's support: the number of users
-- who rated both movies in ratings_train, counted by load-mysql (the movie page shows it; a
-- count over the raters of a popular movie at every page view would take seconds).
CREATE TABLE IF NOT EXISTS item_neighbors (
  movie_id INT NOT NULL,
  neighbor_rank SMALLINT NOT NULL,
  neighbor_id INT NOT NULL,
  similarity DECIMAL(7,6) NOT NULL,
  support INT NOT NULL,
  PRIMARY KEY (movie_id, neighbor_rank),
  UNIQUE KEY item_neighbors_by_neighbor (neighbor_id, movie_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- user_ranking_neighbors.txt / item_ranking_neighbors.txt: the neighbours that found and ordered
-- the recommendations (the prediction neighbour file's rows when a folder has no ranking file, as
-- `cfmr recommend` then ranks by it); the dashboard shows them as each recommendation's evidence.
-- item_ranking_neighbors_evidence holds each row's similarity (and, as every InnoDB key does,
-- the primary key), so that summing a user's evidence over their rated movies reads that key
-- alone: through the unique key, each row cost a lookup of the table (11 s for a user with
-- 16,000 ratings at ml-32m's size, 0.3 s through this one).
CREATE TABLE IF NOT EXISTS user_ranking_neighbors (
  user_id INT NOT NULL,
  neighbor_rank SMALLINT NOT NULL,
  neighbor_id INT NOT NULL,
  similarity DECIMAL(7,6) NOT NULL,
  PRIMARY KEY (user_id, neighbor_rank),
  UNIQUE KEY user_ranking_neighbors_by_neighbor (neighbor_id, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS item_ranking_neighbors (
  movie_id INT NOT NULL,
  neighbor_rank SMALLINT NOT NULL,
  neighbor_id INT NOT NULL,
  similarity DECIMAL(7,6) NOT NULL,
  PRIMARY KEY (movie_id, neighbor_rank),
  UNIQUE KEY item_ranking_neighbors_by_neighbor (neighbor_id, movie_id),
  KEY item_ranking_neighbors_evidence (neighbor_id, similarity)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- recommendations_user_based.csv (method 'user'), recommendations_item_based.csv ('item') and,
-- from `pipeline --models knn,als`, recommendations_als.csv ('als', ordered by x_u·y_i):
-- prediction_rank 1 = the user's best recommendation by that method. The method leads the primary
-- key because the files are loaded one method after the other, each in user order.
CREATE TABLE IF NOT EXISTS user_item_predictions (
  user_id INT NOT NULL,
  method ENUM('user', 'item', 'als') NOT NULL,
  prediction_rank INT NOT NULL,
  movie_id INT NOT NULL,
  prediction DOUBLE NOT NULL,
  PRIMARY KEY (method, user_id, prediction_rank),
  UNIQUE KEY user_item_predictions_by_movie (user_id, movie_id, method)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
