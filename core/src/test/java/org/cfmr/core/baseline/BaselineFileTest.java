package org.cfmr.core.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code baseline.txt} read back gives every fixed-point value exactly. */
class BaselineFileTest {

  @Test
  void readGivesBackTheExactBiasesWritten() throws IOException {
    Random random = new Random(5);
    int users = 3_000;
    int items = 2_000;
    int[] userIds = new int[users];
    long[] userBias = new long[users];
    int[] itemIds = new int[items];
    long[] itemBias = new long[items];
    for (int u = 0; u < users; u++) {
      userIds[u] = 3 * u + 1;
      userBias[u] = FixedPointStars.of(4 * random.nextGaussian()) + random.nextInt(3) - 1;
    }
    for (int i = 0; i < items; i++) {
      itemIds[i] = 7 * i + 2;
      itemBias[i] = random.nextLong() >> 26; // any value of up to 2^37 units (±2 stars)
    }
    Baseline written = new Baseline(FixedPointStars.of(3.5) + 1, userIds, userBias, itemIds,
        itemBias);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BaselineFile.write(written, out);
    Baseline read = BaselineFile.read(new ByteArrayInputStream(out.toByteArray()));
    assertEquals(written.globalMeanFixed(), read.globalMeanFixed());
    assertEquals(users, read.users());
    assertEquals(items, read.items());
    long[] readUsers = new long[users];
    long[] readItems = new long[items];
    for (int u = 0; u < users; u++) {
      assertEquals(userIds[u], read.userId(u));
      readUsers[u] = read.userBiasFixed(u);
    }
    for (int i = 0; i < items; i++) {
      assertEquals(itemIds[i], read.itemId(i));
      readItems[i] = read.itemBiasFixed(i);
    }
    assertArrayEquals(userBias, readUsers);
    assertArrayEquals(itemBias, readItems);
  }

  @Test
  void aLineOfAnotherKindIsAnError() {
    byte[] text = "mu\t3.5\nmovie\t1\t0.2\n".getBytes(StandardCharsets.UTF_8);
    assertThrows(IOException.class, () -> BaselineFile.read(new ByteArrayInputStream(text)));
  }
}
