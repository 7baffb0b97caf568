package org.cfmr.web;

import java.util.List;

/**
 * A MovieLens user's page: the movies they rated in train, their user-based and item-based
 * recommendations (top 30 each, with reasons) and their most similar users.
 */
public record Dashboard(int userId, List<RatedMovie> rated, List<Recommendation> userBased,
    List<Recommendation> itemBased, List<SimilarUser> similarUsers) {}
