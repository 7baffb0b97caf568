package org.cfmr.web;

/**
 * A movie's neighbour: rank (1 = most similar), the movie, the similarity and its support (the
 * users who rated both in train).
 */
public record SimilarMovie(int rank, Movie movie, double similarity, int support) {}
