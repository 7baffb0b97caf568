package org.cfmr.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a command line into Hadoop's generic options and the rest. Hadoop's own parser stops at
 * the first word it does not know (the command's name), so they are picked out from anywhere.
 */
record GenericArguments(String[] generic, String[] rest) {
  /** Generic options that take a value as the next word. */
  private static final Set<String> WITH_VALUE =
      Set.of("-D", "-conf", "-fs", "-jt", "-files", "-libjars", "-archives", "-tokenCacheFile");

  static GenericArguments extract(String... args) {
    List<String> generic = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (WITH_VALUE.contains(arg) && i + 1 < args.length) {
        generic.add(arg);
        generic.add(args[++i]);
      } else if (arg.startsWith("-D") && arg.length() > 2 && arg.contains("=")) {
        generic.add(arg);
      } else {
        rest.add(arg);
      }
    }
    return new GenericArguments(generic.toArray(String[]::new), rest.toArray(String[]::new));
  }
}
