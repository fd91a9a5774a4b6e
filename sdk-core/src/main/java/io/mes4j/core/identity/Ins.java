package io.mes4j.core.identity;

import io.mes4j.core.error.InvalidValueException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A patient's matricule INS with its identifier system (rule ID-1).
 *
 * <p>The matricule is 15 characters: a 13-character NIR (or NIA) followed by a 2-digit key. The
 * factories check, in this order:
 *
 * <ol>
 *   <li>the length is exactly 15;
 *   <li>the first character (sex, or kind of number) is {@code 1} or {@code 2} (definitive NIR:
 *       man, woman), {@code 3} or {@code 4} (numbers given to people born abroad during their
 *       registration) or {@code 7} or {@code 8} (temporary numbers, NIA); the other digits are
 *       never given out;
 *   <li>characters 6-7 (birth department) are two digits or the Corsican {@code 2A} / {@code 2B};
 *       every other character is a digit;
 *   <li>the key (characters 14-15) equals {@code 97 - (N mod 97)}, {@code N} being the first 13
 *       characters read as a number, {@code 2A} read as {@code 19} and {@code 2B} as {@code 18}.
 * </ol>
 *
 * <p>Each failure raises an {@link InvalidValueException} whose message names the broken rule (and
 * the position of a bad character) but never repeats the value. The birth month and place are not
 * checked further: the registers hold numbers with fictitious months (20-42, 50+, 99).
 *
 * <p>An INS identifies a person: {@link #toString()} is redacted, and it must never be logged.
 *
 * <pre>{@code
 * Ins ins = Ins.of("180017511234516", InsSystem.TEST_NIR);
 * boolean ok = Ins.isValid(input); // no exception, for form validation
 * }</pre>
 */
public final class Ins {
  private static final int LENGTH = 15;
  private static final int BODY_LENGTH = 13;
  private static final int DEPARTMENT_INDEX = 5;

  private final String value;
  private final InsSystem system;

  private Ins(String value, InsSystem system) {
    this.value = value;
    this.system = system;
  }

  /**
   * Returns the INS {@code value} in the definitive NIR system ({@link InsSystem#NIR}).
   *
   * @param value the 15-character matricule INS
   * @return the validated INS
   * @throws InvalidValueException if the value breaks rule ID-1
   */
  public static Ins of(String value) {
    return of(value, InsSystem.NIR);
  }

  /**
   * Returns the INS {@code value} in {@code system}.
   *
   * @param value the 15-character matricule INS
   * @param system the register the matricule comes from
   * @return the validated INS
   * @throws InvalidValueException if the value breaks rule ID-1
   */
  public static Ins of(String value, InsSystem system) {
    Objects.requireNonNull(system, "system");
    @Nullable String problem = problem(value);
    if (problem != null) {
      throw new InvalidValueException(problem);
    }
    return new Ins(value, system);
  }

  /**
   * Tells whether {@code value} is a well-formed matricule INS with a correct key, without
   * throwing.
   *
   * @param value a candidate matricule, possibly {@code null}
   * @return {@code true} if {@link #of(String)} would accept it
   */
  public static boolean isValid(@Nullable String value) {
    return problem(value) == null;
  }

  /**
   * Returns the 15-character matricule. It identifies a person: never log it.
   *
   * @return the matricule INS
   */
  public String value() {
    return value;
  }

  /**
   * Returns the register the matricule comes from.
   *
   * @return the identifier system
   */
  public InsSystem system() {
    return system;
  }

  /**
   * Two INS are equal when their value and system are.
   *
   * @param other the object to compare with
   * @return whether {@code other} is the same INS in the same system
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Ins ins && ins.value.equals(value) && ins.system == system;
  }

  /**
   * Returns a hash of the value and system.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return 31 * value.hashCode() + system.hashCode();
  }

  /**
   * Returns a redacted form that shows the system but never the value.
   *
   * @return {@code Ins[redacted, system=TEST_NIR]} and the like
   */
  @Override
  public String toString() {
    return "Ins[redacted, system=" + system.name() + "]";
  }

  /** Returns why {@code value} is not a valid INS, or {@code null} if it is. */
  private static @Nullable String problem(@Nullable String value) {
    if (value == null) {
      return "INS is missing";
    }
    if (value.length() != LENGTH) {
      return "INS must be " + LENGTH + " characters, got " + value.length();
    }
    char sex = value.charAt(0);
    if (sex != '1' && sex != '2' && sex != '3' && sex != '4' && sex != '7' && sex != '8') {
      return "INS must start with 1, 2, 3, 4, 7 or 8 (sex or kind of number)";
    }
    long body = 0;
    for (int i = 0; i < BODY_LENGTH; i++) {
      char c = value.charAt(i);
      if (i == DEPARTMENT_INDEX && c == '2' && isCorsicanLetter(value.charAt(i + 1))) {
        // 2A -> 19, 2B -> 18, consumed as two digits
        int corsica = value.charAt(i + 1) == 'A' ? 19 : 18;
        body = body * 100 + corsica;
        i++;
        continue;
      }
      if (c < '0' || c > '9') {
        return "INS has a non-digit character at position "
            + (i + 1)
            + (i == DEPARTMENT_INDEX || i == DEPARTMENT_INDEX + 1
                ? " (the department may only be digits, 2A or 2B)"
                : "");
      }
      body = body * 10 + (c - '0');
    }
    for (int i = BODY_LENGTH; i < LENGTH; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return "INS has a non-digit character at position " + (i + 1) + " (in the key)";
      }
    }
    int key = Integer.parseInt(value.substring(BODY_LENGTH));
    if (key != keyOf(body)) {
      return "INS key (characters 14-15) does not match the first 13 characters";
    }
    return null;
  }

  private static boolean isCorsicanLetter(char c) {
    return c == 'A' || c == 'B';
  }

  /** The key of a 13-digit body: 97 - (N mod 97), between 1 and 97. */
  static int keyOf(long body) {
    return (int) (97 - body % 97);
  }
}
