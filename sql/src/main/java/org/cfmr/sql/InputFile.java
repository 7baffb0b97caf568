package org.cfmr.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.CfmrException;

/**
 * One input file of a load (any Hadoop file system), read once as strict UTF-8: its lines with
 * their numbers, and at the end its size and SHA-256 for the {@code run_files} table. Errors name
 * the file and line ({@code file:line: reason}).
 */
final class InputFile implements AutoCloseable {
  private final Path path;
  private final long bytes;
  private final MessageDigest digest;
  private final BufferedReader reader;
  private long lineNumber;

  private InputFile(Path path, long bytes, MessageDigest digest, BufferedReader reader) {
    this.path = path;
    this.bytes = bytes;
    this.digest = digest;
    this.reader = reader;
  }

  static InputFile open(Path path, Configuration conf) {
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (!fs.exists(path)) {
        throw new CfmrException(path + ": no such file");
      }
      long bytes = fs.getFileStatus(path).getLen();
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      InputStream in = new DigestInputStream(fs.open(path), digest);
      CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      return new InputFile(path, bytes, digest,
          new BufferedReader(new InputStreamReader(in, utf8), 1 << 16));
    } catch (IOException e) {
      throw new CfmrException("cannot read " + path + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The next line without its line break, or null at the end of the file. */
  String nextLine() {
    try {
      String line = reader.readLine();
      if (line != null) {
        lineNumber++;
      }
      return line;
    } catch (IOException e) {
      throw error("cannot read: " + e.getMessage());
    }
  }

  /** The text for a CSV parser, which counts lines itself. */
  Reader reader() {
    return reader;
  }

  long lineNumber() {
    return lineNumber;
  }

  Path path() {
    return path;
  }

  long bytes() {
    return bytes;
  }

  /** An error at the current line. */
  CfmrException error(String reason) {
    return CfmrException.atLine(path.toString(), lineNumber, reason);
  }

  /** An error at {@code line}. */
  CfmrException error(long line, String reason) {
    return CfmrException.atLine(path.toString(), line, reason);
  }

  /** Reads what is left (so that the checksum covers the whole file) and returns the SHA-256. */
  String sha256() {
    try {
      char[] rest = new char[1 << 14];
      while (reader.read(rest) >= 0) {
        // drained into the digest
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new CfmrException("cannot close " + path + ": " + e.getMessage(), e);
    }
  }
}
