package org.cfmr.report;

import java.util.List;

/**
 * A small HTML writer for self-contained pages: every text and attribute value it is given is
 * escaped ({@code & < > " '}); only {@link #raw} (an SVG the charts drew) is written as is.
 */
final class Html {
  private final StringBuilder out = new StringBuilder();

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** {@code <tag>text</tag>}, the text escaped. */
  Html element(String tag, String text) {
    out.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag)
        .append(">\n");
    return this;
  }

  Html open(String tag) {
    out.append('<').append(tag).append(">\n");
    return this;
  }

  /** {@code <tag class="…">}. */
  Html open(String tag, String cssClass) {
    out.append('<').append(tag).append(" class=\"").append(escape(cssClass)).append("\">\n");
    return this;
  }

  /** {@code <section id="…">} with its heading. */
  Html section(String id, String heading) {
    out.append("<section id=\"").append(escape(id)).append("\">\n");
    return element("h2", heading);
  }

  Html close(String tag) {
    out.append("</").append(tag).append(">\n");
    return this;
  }

  /** {@code <a href="…">text</a>}. */
  Html link(String href, String text) {
    out.append("<a href=\"").append(escape(href)).append("\">").append(escape(text))
        .append("</a>");
    return this;
  }

  /**
   * A table: the first row the header; the columns after the first {@code textColumns} hold
   * figures and are right-aligned.
   */
  Html table(List<List<String>> rows, int textColumns) {
    out.append("<table>\n<thead><tr>");
    for (String header : rows.get(0)) {
      out.append("<th>").append(escape(header)).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows.subList(1, rows.size())) {
      out.append("<tr>");
      for (int c = 0; c < row.size(); c++) {
        out.append(c < textColumns ? "<td>" : "<td class=\"n\">").append(escape(row.get(c)))
            .append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    return this;
  }

  /** Markup written as is: an SVG drawn by the charts. */
  Html raw(String markup) {
    out.append(markup).append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
