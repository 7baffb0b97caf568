package org.cfmr.web;

import java.util.List;
import java.util.Optional;

/**
 * A MovieLens user's page: the movies they rated in train, their user-based and item-based
 * recommendations (top 30 each, with reasons), their ALS recommendations (top 30; empty when the
 * loaded run has no ALS rows) and their most similar users.
 */
public record Dashboard(int userId, List<RatedMovie> rated, List<Recommendation> userBased,
    List<Recommendation> itemBased, Optional<List<Recommendation>> als,
    List<SimilarUser> similarUsers) {}
