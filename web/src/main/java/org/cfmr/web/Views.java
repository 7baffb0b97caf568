package org.cfmr.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/** Renders the precompiled jte templates (src/main/jte, HTML-escaped by default). */
final class Views {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  private Views() {}

  static String render(String template, Map<String, Object> parameters) {
    StringOutput output = new StringOutput();
    ENGINE.render(template, parameters, output);
    return output.toString();
  }
}
