package org.cfmr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class GenericArgumentsTest {

  @Test
  void genericOptionsArePickedOutFromAnywhere() {
    GenericArguments split = GenericArguments.extract("neighbours", "-D", "mapreduce.job.reduces=4",
        "--train", "t.csv", "-Dfoo=bar", "-files", "a,b", "--k", "20", "-libjars", "x.jar");
    assertArrayEquals(new String[] {"-D", "mapreduce.job.reduces=4", "-Dfoo=bar", "-files", "a,b",
        "-libjars", "x.jar"}, split.generic());
    assertArrayEquals(new String[] {"neighbours", "--train", "t.csv", "--k", "20"}, split.rest());
  }
}
