package org.cfmr.core.runtime;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cfmr.core.CfmrException;

/**
 * The one line a user sees for an error that reached the top: the message of the first
 * {@link CfmrException} in its cause chain (written for the user, naming the file), else the
 * first line of its root cause's message (e.g. "No space left on device" rather than the Hadoop
 * wrapper that carries it). An I/O error's or a rejected argument's message speaks for itself; a
 * path Hadoop cannot parse is named with what to do; anything else is a bug, shown as
 * "unexpected" with its class name.
 */
public final class ErrorMessages {
  private static final Pattern CHECKSUM_FILE = Pattern.compile("\\.(.+)\\.crc");

  private ErrorMessages() {}

  public static String of(Throwable error) {
    CfmrException userError = userError(error);
    if (userError != null) {
      return userError.getMessage();
    }
    Throwable root = rootCause(error);
    if (root instanceof URISyntaxException uri) {
      return notAPath(uri);
    }
    String message = root.getMessage() == null ? ""
        : root.getMessage().strip().lines().findFirst().orElse("");
    if (root instanceof IOException || root instanceof IllegalArgumentException) {
      return message.isEmpty() ? root.getClass().getSimpleName() : message;
    }
    return "unexpected " + root.getClass().getSimpleName()
        + (message.isEmpty() ? "" : ": " + message);
  }

  /**
   * A name Hadoop's {@code Path} cannot hold: a ':' in a file name reads as a URI scheme. The
   * local file system's checksum file {@code .NAME.crc} stands for the file NAME.
   */
  private static String notAPath(URISyntaxException error) {
    Matcher checksumFile = CHECKSUM_FILE.matcher(error.getInput());
    String name = checksumFile.matches() ? checksumFile.group(1) : error.getInput();
    return name + ": " + (name.contains(":")
        ? "Hadoop paths cannot have ':' in a file or folder name; rename it"
        : "not a valid Hadoop path (" + error.getReason() + ")");
  }

  /** The first {@link CfmrException} in {@code error}'s cause chain, or null. */
  public static CfmrException userError(Throwable error) {
    for (Throwable t : causes(error)) {
      if (t instanceof CfmrException cfmr) {
        return cfmr;
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable error) {
    List<Throwable> chain = causes(error);
    return chain.get(chain.size() - 1);
  }

  private static List<Throwable> causes(Throwable error) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }
}
