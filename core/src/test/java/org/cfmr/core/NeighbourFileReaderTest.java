package org.cfmr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.cfmr.core.CfmrException;
import org.junit.jupiter.api.Test;

/** A neighbour file is read only when it is exactly what the writer prints. */
class NeighbourFileReaderTest {

  private static List<NeighbourFileFormat.Line> read(String text) throws IOException {
    NeighbourFileReader reader = new NeighbourFileReader("n.txt", new StringReader(text));
    List<NeighbourFileFormat.Line> lines = new ArrayList<>();
    for (NeighbourFileFormat.Line line = reader.next(); line != null; line = reader.next()) {
      lines.add(line);
    }
    return lines;
  }

  private static String error(String text) {
    return assertThrows(CfmrException.class, () -> read(text)).getMessage();
  }

  @Test
  void theWritersOutputIsReadBack() throws IOException {
    String text = NeighbourFileFormat.formatLine(1, List.of(new Neighbour(2, 1.0),
        new Neighbour(3, -0.0000001))) + "\n" + NeighbourFileFormat.formatLine(4,
        List.of(new Neighbour(1, -1.0))) + "\n";
    assertEquals(List.of(
        new NeighbourFileFormat.Line(1, List.of(new Neighbour(2, 1.0), new Neighbour(3, -0.0))),
        new NeighbourFileFormat.Line(4, List.of(new Neighbour(1, -1.0)))), read(text));
    assertEquals(List.of(), read(""));
  }

  @Test
  void similaritiesThatAreNotFiniteOrOutOfRangeAreRefusedWithTheirLine() {
    assertEquals("n.txt:2: similarity 'NaN' of neighbour 7 is not a number printed with 6 "
        + "decimals", error("1\t2:0.500000\n3\t7:NaN\n"));
    assertEquals("n.txt:1: similarity 'Infinity' of neighbour 7 is not a number printed with 6 "
        + "decimals", error("1\t7:Infinity\n"));
    assertEquals("n.txt:1: similarity 7.500000 of neighbour 2 is outside [-1, 1]",
        error("1\t2:7.500000\n"));
    assertEquals("n.txt:1: similarity '0.5' of neighbour 2 is not a number printed with 6 "
        + "decimals", error("1\t2:0.5\n"));
    assertEquals("n.txt:1: similarity '1e-1' of neighbour 2 is not a number printed with 6 "
        + "decimals", error("1\t2:1e-1\n"));
  }

  @Test
  void aFileCutShortIsRefusedEvenAtTheEndOfANeighbour() {
    assertEquals("n.txt:2: the last line has no line break: the file is cut short",
        error("1\t2:0.500000\n2\t1:0.500000,3:0.4"));
    assertEquals("n.txt:2: the last line has no line break: the file is cut short",
        error("1\t2:0.500000\n2\t1:0.500000"));
  }

  @Test
  void malformedLinesAreRefused() {
    assertEquals("n.txt:1: neighbour 3 (0.600000) is more similar than the one before it "
        + "(neighbours are listed best first)", error("1\t2:0.500000,3:0.600000\n"));
    assertEquals("n.txt:1: neighbour 2 appears twice", error("1\t2:0.500000,2:0.500000\n"));
    assertEquals("n.txt:1: 1 is listed as its own neighbour", error("1\t1:0.500000\n"));
    assertEquals("n.txt:1: the line ends with ','", error("1\t2:0.500000,\n"));
    assertEquals("n.txt:1: neighbour '' is not 'id:similarity'",
        error("1\t2:0.500000,,3:0.100000\n"));
    assertEquals("n.txt:1: entity 1 has no neighbours", error("1\t\n"));
    assertEquals("n.txt:2: expected 'id<TAB>neighbour:similarity,...'", error("1\t2:0.500000\n\n"));
    assertEquals("n.txt:1: '-1' is not an id", error("-1\t2:0.500000\n"));
  }

  @Test
  void linesMustBeSortedByIdOnePerEntity() {
    assertEquals("n.txt:2: entity 1 is not after the previous line's 1 (the file must be sorted "
        + "by id, one line per entity)", error("1\t2:0.500000\n1\t3:0.500000\n"));
    assertEquals("n.txt:2: entity 0 is not after the previous line's 5 (the file must be sorted "
        + "by id, one line per entity)", error("5\t2:0.500000\n0\t3:0.500000\n"));
  }
}
