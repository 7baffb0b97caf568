package org.cfmr.preprocess.split;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bad input line as a task sees it: by byte offset, since a task reading a split of the file
 * cannot know line numbers. It travels to the driver as text (a failed task's message, or a line
 * of the job's {@code errors/} side output), where the offsets become line numbers.
 *
 * @param offset the bad line's byte offset
 * @param reason why it is bad, one line
 * @param firstOffset for a duplicate, the offset of the line that rated the pair first; else -1
 */
public record BadLine(long offset, String reason, long firstOffset) {
  private static final Pattern ENCODED =
      Pattern.compile("bad line at byte (\\d+)(?: \\(first at byte (\\d+)\\))?: (.*)");

  public static BadLine malformed(long offset, String reason) {
    return new BadLine(offset, reason, -1);
  }

  public String encode() {
    return "bad line at byte " + offset
        + (firstOffset >= 0 ? " (first at byte " + firstOffset + ")" : "") + ": " + reason;
  }

  /** The bad line encoded somewhere in {@code text}, or null when there is none. */
  public static BadLine find(String text) {
    Matcher matcher = ENCODED.matcher(text);
    if (!matcher.find()) {
      return null;
    }
    long first = matcher.group(2) == null ? -1 : Long.parseLong(matcher.group(2));
    return new BadLine(Long.parseLong(matcher.group(1)), matcher.group(3).strip(), first);
  }
}
