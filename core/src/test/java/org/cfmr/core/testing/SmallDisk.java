package org.cfmr.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A 1 MiB tmpfs mounted on a fresh folder: a disk that fills up after a few writes. Mounting needs
 * root (as the tests run in CI); elsewhere the calling test is skipped with the reason shown.
 */
public final class SmallDisk implements AutoCloseable {
  private final Path folder;

  private SmallDisk(Path folder) {
    this.folder = folder;
  }

  /** Mounts a 1 MiB tmpfs on a new folder under {@code parent}. */
  public static SmallDisk mount(Path parent) throws IOException, InterruptedException {
    Path folder = Files.createTempDirectory(parent, "small-disk");
    int exit = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs",
        folder.toString()).redirectErrorStream(true).start().waitFor();
    assumeTrue(exit == 0, "skipped: cannot mount a tmpfs on " + folder + " (needs root)");
    return new SmallDisk(folder);
  }

  public Path folder() {
    return folder;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    assertEquals(0, new ProcessBuilder("umount", folder.toString()).inheritIO().start().waitFor(),
        "umount " + folder);
  }
}
