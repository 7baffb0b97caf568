package org.cfmr.web;

/** A movie and the rating a user gave it (half stars, 0.5 to 5). */
public record RatedMovie(Movie movie, double rating) {}
