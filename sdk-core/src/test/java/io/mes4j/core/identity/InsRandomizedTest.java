package io.mes4j.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded property checks of the INS key (ID-1): the same numbers on every run. */
class InsRandomizedTest {
  private static final long SEED = 20_261_128L;
  private static final int COUNT = 10_000;
  private static final char[] FIRST = {'1', '2', '3', '4', '7', '8'};

  // ID-1
  @Test
  void of_whenKeyIsComputed_acceptsEveryGeneratedNir_andRefusesEverySingleDigitChange() {
    // GIVEN 10 000 seeded NIRs, one in ten Corsican, with their key computed independently
    Random random = new Random(SEED);
    for (int n = 0; n < COUNT; n++) {
      String valid = generate(random);

      // THEN each is valid
      assertThat(Ins.isValid(valid)).as("generated NIR #%d", n).isTrue();

      // WHEN one digit is replaced by another digit
      int position = randomDigitPosition(random, valid);
      char original = valid.charAt(position);
      char replacement = (char) ('0' + (original - '0' + 1 + random.nextInt(9)) % 10);
      String changed = valid.substring(0, position) + replacement + valid.substring(position + 1);

      // THEN the result is refused (97 is prime: no single-digit change keeps N mod 97)
      assertThat(Ins.isValid(changed))
          .as("NIR #%d changed at position %d", n, position + 1)
          .isFalse();
    }
  }

  private static String generate(Random random) {
    StringBuilder body = new StringBuilder(13);
    body.append(FIRST[random.nextInt(FIRST.length)]);
    for (int i = 1; i < 13; i++) {
      body.append((char) ('0' + random.nextInt(10)));
    }
    boolean corsica = random.nextInt(10) == 0;
    String numeric = body.toString();
    if (corsica) {
      boolean a = random.nextBoolean();
      body.replace(5, 7, a ? "2A" : "2B");
      numeric = body.substring(0, 5) + (a ? "19" : "18") + body.substring(7);
    }
    long key =
        97 - new java.math.BigInteger(numeric).mod(java.math.BigInteger.valueOf(97)).longValue();
    return body + String.format("%02d", key);
  }

  private static int randomDigitPosition(Random random, String value) {
    while (true) {
      int position = random.nextInt(value.length());
      if (Character.isDigit(value.charAt(position))) {
        return position;
      }
    }
  }
}
