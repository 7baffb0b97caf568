package org.cfmr.web;

import java.util.List;
import java.util.Optional;

/**
 * A MovieLens user's page: the movies they rated in train and those they rated on the dashboard,
 * their user-based and item-based recommendations (top 30 each, with reasons), their ALS
 * recommendations (top 30; empty when the loaded run has no ALS rows) and their most similar
 * users. Once the user has rated on the dashboard, the item-based list is computed from the
 * stored neighbours over all their ratings ({@link LiveItemRecommendations}; {@code live}), and
 * the other lists leave out the movies rated there.
 */
public record Dashboard(int userId, List<RatedMovie> rated, List<RatedMovie> ratedHere,
    List<Recommendation> userBased, List<Recommendation> itemBased, boolean live,
    Optional<List<Recommendation>> als, List<SimilarUser> similarUsers) {}
