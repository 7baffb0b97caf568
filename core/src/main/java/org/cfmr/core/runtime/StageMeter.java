package org.cfmr.core.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What each stage of a long run cost: wall time, the process's CPU time (all threads), its peak
 * resident memory, what it processed and what it wrote; printed as one table at the end and kept
 * in the run's JSON.
 *
 * <p>The peak RSS is Linux's high-water mark ({@code VmHWM} of {@code /proc/self/status}), reset
 * at each stage's start by writing 5 to {@code /proc/self/clear_refs}; where that is refused, a
 * stage's figure is the process's peak so far (marked {@code ≤}). Elsewhere than on Linux it is
 * unknown (0).
 */
public final class StageMeter {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  /**
   * One finished stage.
   *
   * @param peakIsTheStages false when the peak is the process's so far, not the stage's alone
   * @param work what it processed, e.g. {@code 25,600,298 train ratings} (may be empty)
   * @param outputBytes bytes of the files it wrote (0: none)
   */
  public record Stage(String name, long wallNanos, long cpuNanos, long peakRssBytes,
      boolean peakIsTheStages, String work, long outputBytes) {}

  private final List<Stage> stages = new ArrayList<>();

  /** Starts timing a stage; call {@link Running#end} when it is done. */
  public Running start(String name) {
    return new Running(name);
  }

  public List<Stage> stages() {
    return List.copyOf(stages);
  }

  /** A stage being timed. */
  public final class Running {
    private final String name;
    private final long wallStart = System.nanoTime();
    private final long cpuStart = processCpuNanos();
    private final boolean peakReset = resetPeakRss();

    private Running(String name) {
      this.name = name;
    }

    /** Records the stage with what it processed and the bytes it wrote. */
    public Stage end(String work, long outputBytes) {
      Stage stage = new Stage(name, System.nanoTime() - wallStart, processCpuNanos() - cpuStart,
          peakRssBytes(), peakReset, work, outputBytes);
      stages.add(stage);
      return stage;
    }
  }

  /** The stages as a Markdown table: stage, wall, CPU, peak RSS, work, output. */
  public String table() {
    List<List<String>> cells = cells();
    StringBuilder text = new StringBuilder("| " + String.join(" | ", cells.get(0))
        + " |\n|---|---:|---:|---:|---|---:|\n");
    for (List<String> row : cells.subList(1, cells.size())) {
      text.append("| ").append(String.join(" | ", row)).append(" |").append(System.lineSeparator());
    }
    return text.toString();
  }

  /** The cells of {@link #table}, the header first: the text table's and the run report's. */
  public List<List<String>> cells() {
    List<List<String>> cells = new ArrayList<>();
    cells.add(List.of("stage", "wall", "CPU", "peak RSS", "work", "output"));
    for (Stage stage : stages) {
      cells.add(List.of(stage.name(), seconds(stage.wallNanos()), seconds(stage.cpuNanos()),
          (stage.peakIsTheStages() ? "" : "≤ ") + bytes(stage.peakRssBytes()), stage.work(),
          stage.outputBytes() == 0 ? "" : bytes(stage.outputBytes())));
    }
    return cells;
  }

  /** The stages as JSON: an array of {name, wall_s, cpu_s, peak_rss_bytes, work, output_bytes}. */
  public ArrayNode toJson() {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (Stage stage : stages) {
      ObjectNode node = array.addObject();
      node.put("name", stage.name());
      node.put("wall_s", Math.round(stage.wallNanos() / 1e6) / 1e3);
      node.put("cpu_s", Math.round(stage.cpuNanos() / 1e6) / 1e3);
      node.put("peak_rss_bytes", stage.peakRssBytes());
      node.put("peak_rss_is_the_stages", stage.peakIsTheStages());
      node.put("work", stage.work());
      node.put("output_bytes", stage.outputBytes());
    }
    return array;
  }

  static String seconds(long nanos) {
    double s = nanos / 1e9;
    if (s < 60) {
      return String.format(Locale.ROOT, "%.1f s", s);
    }
    long whole = Math.round(s);
    return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
  }

  /** Bytes as people write them: {@code 12.3 KB}, {@code 693 MB}, {@code 2.96 GB}. */
  public static String bytes(long bytes) {
    if (bytes < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1e3);
    }
    if (bytes < 1_000_000_000) {
      return String.format(Locale.ROOT, bytes < 10_000_000 ? "%.1f MB" : "%.0f MB", bytes / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  private static boolean resetPeakRss() {
    try {
      Files.writeString(CLEAR_REFS, "5", StandardCharsets.US_ASCII);
      return true;
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** {@code VmHWM} of {@code /proc/self/status} in bytes, or 0 where there is none. */
  static long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }
}
