package io.searchbridge.spark.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The epochs whose documents are all in Elasticsearch, one file named by its epoch id under
 * {@code <checkpoint>/searchbridge-sink/commits}. Spark records its own commit only after the sink's
 * commit returns; if the driver dies in between, Spark runs the epoch again and this log lets the
 * sink skip it. Files are written to a hidden temporary name and renamed, so a crash never leaves a
 * half-written entry; Hadoop's FileSystem makes it work wherever the checkpoint lives (local, HDFS, S3A).
 */
final class SinkCommitLog {

  static final String DIRECTORY = "searchbridge-sink/commits";
  /** Only the newest entry matters; a few more help when reading logs after an incident. */
  private static final long RETAINED = 100;

  private final Path directory;
  private final FileSystem fs;

  private SinkCommitLog(Path directory, FileSystem fs) {
    this.directory = directory;
    this.fs = fs;
  }

  static SinkCommitLog under(String checkpointRoot, Configuration hadoopConf) {
    Path directory = new Path(checkpointRoot, DIRECTORY);
    try {
      FileSystem fs = directory.getFileSystem(hadoopConf);
      fs.mkdirs(directory);
      return new SinkCommitLog(directory, fs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the searchbridge sink commit log " + directory, e);
    }
  }

  Path directory() {
    return directory;
  }

  /** The newest committed epoch, or -1 when none is. */
  long lastCommitted() {
    long last = -1;
    for (long epoch : epochs()) {
      last = Math.max(last, epoch);
    }
    return last;
  }

  void add(long epoch) {
    Path target = new Path(directory, Long.toString(epoch));
    Path temporary = new Path(directory, "." + epoch + ".tmp");
    try {
      try (FSDataOutputStream out = fs.create(temporary, true)) {
        out.write((epoch + "\n").getBytes(StandardCharsets.UTF_8));
      }
      if (!fs.rename(temporary, target)) {
        // rename refuses to replace: an entry that already exists records the same fact
        fs.delete(temporary, false);
        if (!fs.exists(target)) {
          throw new IOException("rename of " + temporary + " to " + target + " failed");
        }
      }
      for (long old : epochs()) {
        if (old <= epoch - RETAINED) {
          fs.delete(new Path(directory, Long.toString(old)), false);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record epoch " + epoch + " in the searchbridge sink commit log "
          + directory, e);
    }
  }

  private long[] epochs() {
    try {
      FileStatus[] files = fs.listStatus(directory);
      long[] epochs = new long[files.length];
      int count = 0;
      for (FileStatus file : files) {
        String name = file.getPath().getName();
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
          epochs[count++] = Long.parseLong(name);
        }
      }
      return Arrays.copyOf(epochs, count);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the searchbridge sink commit log " + directory, e);
    }
  }
}
