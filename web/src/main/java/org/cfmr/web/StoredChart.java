package org.cfmr.web;

/** One of the dataset's charts as load-mysql drew it: its name, title and SVG. */
public record StoredChart(String name, String title, String svg) {}
