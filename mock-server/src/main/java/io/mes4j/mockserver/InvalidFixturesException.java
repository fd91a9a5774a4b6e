package io.mes4j.mockserver;

/**
 * A fixtures file the reference server cannot load: its message names the line and the field (such
 * as {@code patients[2].documents[0].type}) and says what is wrong; nothing of the file was loaded.
 * The message never quotes a value of the file.
 *
 * <pre>{@code
 * try {
 *   server.control().importFixtures(Path.of("state.json"));
 * } catch (InvalidFixturesException e) {
 *   System.err.println(e.getMessage()); // Invalid fixtures file at line 12, column 19, field ...
 * }
 * }</pre>
 */
public final class InvalidFixturesException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String field;
  private final String problem;

  InvalidFixturesException(String message, int line, int column, String field, String problem) {
    super(message);
    this.line = line;
    this.column = column;
    this.field = field;
    this.problem = problem;
  }

  /** The line of the file where the problem is (1 for the first), or 0 if unknown. */
  public int line() {
    return line;
  }

  /** The column of the file (1 for the first), or 0 if unknown. */
  public int column() {
    return column;
  }

  /** The field, as {@code patients[2].documents[0].type}; empty for the document as a whole. */
  public String field() {
    return field;
  }

  /** What is wrong with the field, without the line and the field. */
  public String problem() {
    return problem;
  }
}
