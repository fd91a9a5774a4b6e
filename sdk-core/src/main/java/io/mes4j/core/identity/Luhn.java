package io.mes4j.core.identity;

/** The Luhn (mod 10) check used by RPPS and FINESS numbers. */
final class Luhn {
  private Luhn() {}

  /**
   * Tells whether the digits of {@code digits}, the last one being the check digit, pass the Luhn
   * test. The caller has checked that every character is a digit.
   */
  static boolean isValid(CharSequence digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }
}
