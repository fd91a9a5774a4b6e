package io.mes4j.mockserver.internal.store;

import java.util.Random;
import java.util.UUID;

/**
 * Identifiers deterministic for a seed: the same seed and the same sequence of calls give the same
 * identifiers (a random UUID-shaped value drawn from a seeded generator).
 */
public final class IdGenerator {
  private final Random random;
  private final long seed;
  private long drawn;

  public IdGenerator(long seed) {
    this.random = new Random(seed);
    this.seed = seed;
  }

  /**
   * The generator of {@code seed} after {@code drawn} identifiers: the one a fixtures file saved,
   * so that the ids after an import are those the exported server would have made next.
   */
  public IdGenerator(long seed, long drawn) {
    this(seed);
    if (drawn < 0) {
      throw new IllegalArgumentException("drawn must not be negative");
    }
    for (long i = 0; i < drawn; i++) {
      random.nextLong();
      random.nextLong();
    }
    this.drawn = drawn;
  }

  /** The seed this generator started from. */
  public long seed() {
    return seed;
  }

  /** How many identifiers it made so far. */
  public synchronized long drawn() {
    return drawn;
  }

  public synchronized String next(String prefix) {
    drawn++;
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return prefix + new UUID(most, least);
  }
}
