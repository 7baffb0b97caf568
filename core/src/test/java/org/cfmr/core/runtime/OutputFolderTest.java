package org.cfmr.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cfmr.core.CfmrException;

/**
 * The commit protocol of {@link OutputFolder} and {@link CommitJournal}: a run killed at any step
 * leaves, once the folder is opened again, the old complete result or the new complete one; an
 * output file never replaces a folder; readers ({@link ResultFolder}) refuse files that do not
 * match the manifest.
 */
class OutputFolderTest {
  private static final List<String> NAMES = List.of("a.txt", "b.txt", "c.txt");

  @TempDir Path dir;
  private final Configuration conf = new Configuration();

  /** Thrown by a step hook: the run stops dead there, as a kill would, with no cleanup. */
  private static final class Killed extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** As {@code bin/cfmr} runs: no hidden {@code .crc} files beside results on local disk. */
  @BeforeEach
  void withoutChecksumFiles() throws IOException {
    FileSystem.getLocal(conf).setWriteChecksum(false);
  }

  private static org.apache.hadoop.fs.Path hadoop(Path path) {
    return new org.apache.hadoop.fs.Path(path.toUri());
  }

  private FileSystem fs() throws IOException {
    return FileSystem.getLocal(conf).getRawFileSystem();
  }

  /** Writes NAMES with contents tagged {@code run} into {@code folder} and commits them. */
  private void commitRun(Path folder, String run) {
    try (OutputFolder out = OutputFolder.forResult(hadoop(folder), NAMES, true,
        ResultStage.of("test").setting("run", run), conf)) {
      stage(out, run);
      out.commit();
    }
  }

  private static void stage(OutputFolder out, String run) {
    for (String name : NAMES) {
      try (OutputStream stream = out.fileSystem().create(out.staged(name))) {
        stream.write((run + " " + name + "\n").repeat(name.length() * 10)
            .getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** The run every file of {@code folder} comes from, after a reader opened and checked it. */
  private String resultIn(Path folder) throws IOException {
    ResultFolder result = ResultFolder.open(hadoop(folder), conf);
    java.util.Set<String> runs = new java.util.TreeSet<>();
    for (String name : NAMES) {
      String text = Files.readString(Path.of(result.file(name).toUri()));
      runs.add(text.substring(0, text.indexOf(' ')));
    }
    assertEquals(1, runs.size(), "one run's files only: " + runs);
    return runs.iterator().next();
  }

  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aCommittedResultHasItsManifestAndNothingElse() throws IOException {
    Path folder = dir.resolve("out");
    commitRun(folder, "old");
    assertEquals(List.of("_cfmr-manifest.json", "a.txt", "b.txt", "c.txt"), listing(folder));
    assertEquals("old", resultIn(folder));
    ResultManifest manifest = ResultManifest.read(fs(), hadoop(folder));
    assertEquals(NAMES, List.copyOf(manifest.files().keySet()));
    assertEquals("old", manifest.stages().get("test").at("/settings/run").asText());
  }

  /**
   * A kill after each step of the commit (and before the first): the folder, opened again,
   * holds the old result before the marker was written and the new one from then on.
   */
  @Test
  void aKillAtEveryStepOfTheCommitLeavesTheOldResultOrTheNewOne() throws IOException {
    int steps = 3 + NAMES.size() + 2;
    for (int killAfter = 0; killAfter <= steps; killAfter++) {
      Path folder = dir.resolve("kill-" + killAfter);
      commitRun(folder, "old");
      int step = killAfter;
      FileSystem fs = fs();
      org.apache.hadoop.fs.Path staging = CommitJournal.createStaging(fs, hadoop(folder), "k");
      for (String name : NAMES) {
        Files.writeString(Path.of(new org.apache.hadoop.fs.Path(staging, name).toUri()),
            "new " + name + "\n");
      }
      Map<String, ResultManifest.Entry> entries = new TreeMap<>();
      for (String name : NAMES) {
        entries.put(name, ResultManifest.describe(fs, new org.apache.hadoop.fs.Path(staging, name),
            "test"));
      }
      ResultManifest manifest = ResultManifest.read(fs, hadoop(folder))
          .with(fs.makeQualified(hadoop(folder)), entries, ResultStage.of("test"));
      if (step == 0) {
        // killed while staging: the commit never began
      } else {
        assertThrows(Killed.class, () -> CommitJournal.commit(fs, hadoop(folder), staging,
            manifest, (number, name) -> {
              if (number == step) {
                throw new Killed();
              }
            }), "step " + step);
      }
      markStagingOrphaned(staging);
      assertEquals(step < 2 ? "old" : "new", resultIn(folder), "killed after step " + step);
      assertEquals(List.of("_cfmr-manifest.json", "a.txt", "b.txt", "c.txt"), listing(folder),
          "no marker or staging folder left after step " + step);
    }
  }

  /** The staging folder's owner becomes a process that has ended, as after a kill. */
  private static void markStagingOrphaned(org.apache.hadoop.fs.Path staging) throws IOException {
    Process ended = new ProcessBuilder("true").start();
    try {
      ended.waitFor();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    Path owner = Path.of(new org.apache.hadoop.fs.Path(staging, "_cfmr-owner").toUri());
    if (Files.exists(owner)) {
      Files.writeString(owner, Files.readString(owner).split(" ")[0] + " " + ended.pid());
    }
  }

  @Test
  void aMarkerCutWhileBeingWrittenMeansTheCommitNeverBegan() throws IOException {
    Path folder = dir.resolve("cut-marker");
    commitRun(folder, "old");
    Files.writeString(folder.resolve(CommitJournal.MARKER), "_cfmr-stag");
    assertEquals("old", resultIn(folder));
    assertFalse(Files.exists(folder.resolve(CommitJournal.MARKER)));
  }

  @Test
  void aFailedWriteBeforeTheCommitKeepsTheOldResultAndRemovesTheStagingFolder() throws IOException {
    Path folder = dir.resolve("failed");
    commitRun(folder, "old");
    assertThrows(IllegalStateException.class, () -> {
      try (OutputFolder out = OutputFolder.forResult(hadoop(folder), NAMES, true,
          ResultStage.of("test"), conf)) {
        stage(out, "new");
        throw new IllegalStateException("disk full");
      }
    });
    assertEquals("old", resultIn(folder));
    assertEquals(List.of("_cfmr-manifest.json", "a.txt", "b.txt", "c.txt"), listing(folder));
  }

  @Test
  void theNextRunRemovesTheStagingFoldersOfKilledRunsOnly() throws IOException {
    Path folder = dir.resolve("leftovers");
    commitRun(folder, "old");
    org.apache.hadoop.fs.Path killed = CommitJournal.createStaging(fs(), hadoop(folder), "dead");
    markStagingOrphaned(killed);
    org.apache.hadoop.fs.Path running = CommitJournal.createStaging(fs(), hadoop(folder), "alive");
    Files.createDirectories(folder.resolve("_cfmr-staging-no-owner"));
    Files.createDirectories(folder.resolve("_user-folder"));
    commitRun(folder, "new");
    List<String> left = listing(folder);
    assertFalse(left.contains(killed.getName()), left.toString());
    assertFalse(left.contains("_cfmr-staging-no-owner"), left.toString());
    assertTrue(left.contains(running.getName()), "a running run's staging stays: " + left);
    assertTrue(left.contains("_user-folder"), "only cfmr's own staging folders go: " + left);
  }

  @Test
  void anOutputFileNeverReplacesAFolder() throws IOException {
    Path folder = dir.resolve("result");
    commitRun(folder, "old");
    CfmrException refused = assertThrows(CfmrException.class, () ->
        OutputFolder.forFiles(hadoop(dir), List.of("result"), true, conf).close());
    assertEquals(hadoop(dir.resolve("result")).toString().replaceFirst("/$", "")
        + " is a folder; an output file never replaces a folder", refused.getMessage());
    assertEquals("old", resultIn(folder));
  }

  @Test
  void aPlainFileWrittenIntoAResultIsEnteredInItsManifest() throws IOException {
    Path folder = dir.resolve("report");
    commitRun(folder, "old");
    try (OutputFolder out = OutputFolder.forFiles(hadoop(folder), List.of("a.txt"), true, conf)) {
      Files.writeString(Path.of(out.staged("a.txt").toUri()), "report\n");
      out.commit();
    }
    ResultFolder.open(hadoop(folder), conf);
    assertEquals(7, ResultManifest.read(fs(), hadoop(folder)).files().get("a.txt").bytes());
  }

  @Test
  void readersRefuseFilesThatDoNotMatchTheManifestInOneLine() throws IOException {
    Path folder = dir.resolve("checked");
    commitRun(folder, "old");
    Files.writeString(folder.resolve("b.txt"), "cut");
    assertRefused(folder, folder.resolve("b.txt") + ": 3 bytes, _cfmr-manifest.json says 500");

    commitRun(folder, "old");
    byte[] bytes = Files.readAllBytes(folder.resolve("c.txt"));
    bytes[0] = 'X';
    Files.write(folder.resolve("c.txt"), bytes);
    assertRefused(folder, folder.resolve("c.txt") + ": checksum ");

    commitRun(folder, "old");
    Files.delete(folder.resolve("a.txt"));
    assertRefused(folder, folder.resolve("a.txt") + ": missing, though _cfmr-manifest.json");

    Files.delete(folder.resolve(ResultManifest.NAME));
    assertRefused(folder, folder.resolve(ResultManifest.NAME) + ": missing, so ");
  }

  private void assertRefused(Path folder, String start) {
    CfmrException refused = assertThrows(CfmrException.class,
        () -> ResultFolder.open(hadoop(folder), conf));
    String message = refused.getMessage().replace("file:", "");
    assertTrue(message.startsWith(start), message);
    assertFalse(message.contains("\n"), message);
  }
}
