package io.mes4j.mockserver.internal.store;

import java.util.Random;
import java.util.UUID;

/**
 * Identifiers deterministic for a seed: the same seed and the same sequence of calls give the same
 * identifiers (a random UUID-shaped value drawn from a seeded generator).
 */
public final class IdGenerator {
  private final Random random;

  public IdGenerator(long seed) {
    this.random = new Random(seed);
  }

  public synchronized String next(String prefix) {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return prefix + new UUID(most, least);
  }
}
