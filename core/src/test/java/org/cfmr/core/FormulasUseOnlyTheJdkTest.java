package org.cfmr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The formula packages (the root package, similarity, predict, baseline, factors, ratings) use
 * the JDK and one another only: no Hadoop, no picocli, nothing of {@code core.io} (files on a
 * Hadoop file system) or {@code core.runtime} (the commands' runtime), so that anyone can read
 * and reuse them alone.
 */
class FormulasUseOnlyTheJdkTest {
  private static final Path SOURCES = Path.of("src/main/java/org/cfmr/core");
  private static final List<String> FORMULA_PACKAGES =
      List.of("", "similarity", "predict", "baseline", "factors", "ratings");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern ALLOWED =
      Pattern.compile("java\\..*|org\\.cfmr\\.core\\.(?:(?:similarity|predict|baseline|factors|ratings)\\.)?[A-Z]\\w*(?:\\.\\w+)*");

  @Test
  void formulaSourcesImportOnlyTheJdkAndEachOther() throws IOException {
    List<String> offending = new ArrayList<>();
    int files = 0;
    for (String name : FORMULA_PACKAGES) {
      try (Stream<Path> sources = Files.list(SOURCES.resolve(name))) {
        for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
          files++;
          String text = Files.readString(source);
          Matcher imports = IMPORT.matcher(text);
          while (imports.find()) {
            if (!ALLOWED.matcher(imports.group(1)).matches()) {
              offending.add(source.getFileName() + ": " + imports.group(1));
            }
          }
          if (text.replaceAll("(?m)^import .*$", "").matches("(?s).*\\b(org\\.apache|picocli)\\..*")) {
            offending.add(source.getFileName() + ": a qualified non-JDK name");
          }
        }
      }
    }
    assertTrue(files > 40, "the formula sources were found (" + files + ")");
    assertEquals(List.of(), offending);
  }

  @Test
  void theRuleRejectsTheRuntimeAndHadoop() {
    assertTrue(ALLOWED.matcher("org.cfmr.core.similarity.PairSums").matches());
    assertTrue(!ALLOWED.matcher("org.cfmr.core.runtime.Progress").matches());
    assertTrue(!ALLOWED.matcher("org.cfmr.core.io.RatingsReader").matches());
    assertTrue(!ALLOWED.matcher("org.apache.hadoop.fs.Path").matches());
  }
}
