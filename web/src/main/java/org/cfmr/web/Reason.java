package org.cfmr.web;

/**
 * Why a recommendation: a neighbour that rated the movie (user-based: a similar user and their
 * rating of it) or a rated movie among the movie's neighbours (item-based: the similar movie and
 * the user's rating of it).
 *
 * @param id the neighbour user's id, or the similar movie's id
 * @param title the similar movie's title; null for a neighbour user
 */
public record Reason(int id, String title, double similarity, double rating) {}
