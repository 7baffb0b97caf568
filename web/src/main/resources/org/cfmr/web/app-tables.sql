-- The tables of `cfmr serve` itself, created by the app when missing (never by load-mysql, whose
-- atomic swap replaces only the tables of sql/schema.sql: these survive every reload).

-- A new user of the dashboard, named by a random token (the link to their page).
CREATE TABLE IF NOT EXISTS web_new_users (
  id CHAR(22) NOT NULL PRIMARY KEY,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Their ratings: one per movie (rating again replaces it), half stars 0.5..5.
CREATE TABLE IF NOT EXISTS web_new_user_ratings (
  new_user_id CHAR(22) NOT NULL,
  movie_id INT NOT NULL,
  rating DECIMAL(2,1) NOT NULL,
  rated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (new_user_id, movie_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Ratings given on the dashboard by MovieLens users (the ids of ratings_train): one per movie,
-- the last one given; cfmr export-ratings merges them, and new users', into the dataset.
CREATE TABLE IF NOT EXISTS web_user_ratings (
  user_id INT NOT NULL,
  movie_id INT NOT NULL,
  rating DECIMAL(2,1) NOT NULL,
  rated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (user_id, movie_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- TMDB poster paths by tmdbId; poster_path NULL when TMDB has none for the movie.
CREATE TABLE IF NOT EXISTS web_posters (
  tmdb_id INT NOT NULL PRIMARY KEY,
  poster_path VARCHAR(255) NULL,
  fetched_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
