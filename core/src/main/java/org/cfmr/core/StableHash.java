package org.cfmr.core;

/**
 * A seeded hash of a pair of ids (SplitMix64's finaliser), the same on every machine and JVM. It
 * decides which split a rating lands in and which ratings a capped pivot keeps, so both are
 * reproducible from the seed and independent of input order and of how the input is divided.
 */
public final class StableHash {
  private StableHash() {}

  public static long hash(long seed, int first, int second) {
    long pair = ((long) first << 32) | (second & 0xffffffffL);
    return mix(mix(seed + 0x9e3779b97f4a7c15L) ^ pair);
  }

  /** The hash as a uniform double in {@code [0, 1)}. */
  public static double unit(long seed, int first, int second) {
    return (hash(seed, first, second) >>> 11) * 0x1.0p-53;
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
