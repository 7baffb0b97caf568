package org.cfmr.mapreduce;

import java.util.List;
import org.cfmr.core.Mode;

/** Which neighbour files to compute ({@code --mode}): user–user, item–item, or both (the default). */
public enum ModeSelection {
  USER(List.of(Mode.USER)),
  ITEM(List.of(Mode.ITEM)),
  BOTH(List.of(Mode.USER, Mode.ITEM));

  private final List<Mode> singles;

  ModeSelection(List<Mode> singles) {
    this.singles = singles;
  }

  /** The single modes this stands for, user before item. */
  public List<Mode> singles() {
    return singles;
  }
}
