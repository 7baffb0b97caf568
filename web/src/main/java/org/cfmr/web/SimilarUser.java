package org.cfmr.web;

/** A user's neighbour: rank (1 = most similar), their id and the similarity. */
public record SimilarUser(int rank, int userId, double similarity) {}
