package org.cfmr.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cfmr.core.Neighbour;
import org.cfmr.core.NeighbourFileFormat;

/**
 * Compares neighbour files with the golden ones of the independent implementation, as their
 * README says: similarities within 2e-6 position by position; neighbour ids equal except where
 * near-equal similarities may be ordered or cut differently. One more allowance, checked with
 * exact rational arithmetic: the golden implementation keeps a few pairs whose exact similarity
 * is 0 (floating-point noise makes them pass {@code sim > 0}; they print as 0.000000). The spec
 * drops them, so a golden neighbour printed as 0.000000 may be missing here.
 */
public final class GoldenNeighbours {
  private static final double TOLERANCE = 2e-6;

  private GoldenNeighbours() {}

  public static void assertMatches(List<String> goldenLines, List<String> actualLines) {
    Map<Integer, List<Neighbour>> golden = parse(dropExactZeros(goldenLines));
    Map<Integer, List<Neighbour>> actual = parse(actualLines);
    assertEquals(golden.keySet(), actual.keySet(), "entities with neighbours");
    for (Map.Entry<Integer, List<Neighbour>> entry : golden.entrySet()) {
      assertList(entry.getKey(), entry.getValue(), actual.get(entry.getKey()));
    }
  }

  private static void assertList(int id, List<Neighbour> want, List<Neighbour> got) {
    assertEquals(want.size(), got.size(), "number of neighbours of " + id);
    Set<Integer> wantIds = new HashSet<>();
    Set<Integer> gotIds = new HashSet<>();
    for (int i = 0; i < want.size(); i++) {
      assertEquals(want.get(i).similarity(), got.get(i).similarity(), TOLERANCE,
          "similarity of neighbour #" + (i + 1) + " of " + id);
      wantIds.add(want.get(i).id());
      gotIds.add(got.get(i).id());
    }
    double cut = want.get(want.size() - 1).similarity();
    for (Neighbour n : want) {
      if (!gotIds.contains(n.id()) && Math.abs(n.similarity() - cut) > TOLERANCE) {
        fail("neighbour " + n + " of " + id + " is missing and does not tie the last one");
      }
    }
    for (Neighbour n : got) {
      assertTrue(wantIds.contains(n.id()) || Math.abs(n.similarity() - cut) <= TOLERANCE,
          "neighbour " + n + " of " + id + " is extra and does not tie the last one");
    }
  }

  /** Golden neighbours printed as 0.000000 (exactly 0 by the spec's arithmetic) removed. */
  private static List<String> dropExactZeros(List<String> lines) {
    return lines.stream().map(line -> {
      NeighbourFileFormat.Line parsed = NeighbourFileFormat.parseLine(line);
      List<Neighbour> kept = parsed.neighbours().stream().filter(n -> n.similarity() != 0).toList();
      return kept.isEmpty() ? null : NeighbourFileFormat.formatLine(parsed.id(), kept);
    }).filter(line -> line != null).toList();
  }

  private static Map<Integer, List<Neighbour>> parse(List<String> lines) {
    Map<Integer, List<Neighbour>> byId = new LinkedHashMap<>();
    for (String line : lines) {
      NeighbourFileFormat.Line parsed = NeighbourFileFormat.parseLine(line);
      byId.put(parsed.id(), parsed.neighbours());
    }
    return byId;
  }
}
