package org.cfmr.mapreduce.chain;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;
import org.cfmr.core.Neighbour;
import org.cfmr.core.TopNeighbours;

/**
 * Candidate neighbours of one entity (the key) with their unrounded similarities: a partial top-K
 * from job 3, merged into the final one in job 4. Ids as VInts, similarities as exact doubles.
 */
public final class CandidateNeighbours implements Writable {
  private final List<Neighbour> neighbours = new ArrayList<>();

  public CandidateNeighbours() {}

  public CandidateNeighbours(List<Neighbour> neighbours) {
    this.neighbours.addAll(neighbours);
  }

  public List<Neighbour> neighbours() {
    return neighbours;
  }

  /** Offers every candidate to {@code top}. */
  public void offerTo(TopNeighbours top) {
    neighbours.forEach(top::offer);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVInt(out, neighbours.size());
    for (Neighbour neighbour : neighbours) {
      WritableUtils.writeVInt(out, neighbour.id());
      out.writeDouble(neighbour.similarity());
    }
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    neighbours.clear();
    int size = WritableUtils.readVInt(in);
    for (int i = 0; i < size; i++) {
      neighbours.add(new Neighbour(WritableUtils.readVInt(in), in.readDouble()));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CandidateNeighbours l && l.neighbours.equals(neighbours);
  }

  @Override
  public int hashCode() {
    return neighbours.hashCode();
  }

  @Override
  public String toString() {
    return neighbours.toString();
  }
}
