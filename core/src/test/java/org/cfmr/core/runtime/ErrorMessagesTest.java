package org.cfmr.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import org.junit.jupiter.api.Test;
import org.cfmr.core.CfmrException;

class ErrorMessagesTest {

  @Test
  void aUserErrorInsideWrappersIsShownAsWritten() {
    Exception wrapped = new Exception(new RuntimeException(
        new CfmrException("ratings.csv:3: bad rating")));
    assertEquals("ratings.csv:3: bad rating", ErrorMessages.of(wrapped));
  }

  @Test
  void anIoErrorIsItsRootCause() {
    assertEquals("No space left on device", ErrorMessages.of(
        new Error("java.io.IOException: ...", new IOException("No space left on device"))));
  }

  @Test
  void aColonInAFileNameIsNamedWithWhatToDo() {
    IllegalArgumentException error = new IllegalArgumentException(
        new URISyntaxException(".a:b.csv.crc", "Relative path in absolute URI"));
    assertEquals("a:b.csv: Hadoop paths cannot have ':' in a file or folder name; rename it",
        ErrorMessages.of(error));
  }

  @Test
  void aBugSaysItIsUnexpectedAndWhatItIs() {
    assertEquals("unexpected NullPointerException: x is null",
        ErrorMessages.of(new RuntimeException(new NullPointerException("x is null"))));
    assertEquals("unexpected IllegalStateException",
        ErrorMessages.of(new IllegalStateException()));
  }
}
