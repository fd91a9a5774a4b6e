package io.mes4j.mockserver.internal.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.mockserver.internal.http.HttpError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * JSON Patch (RFC 6902) with JSON Pointers (RFC 6901): {@code add}, {@code remove}, {@code
 * replace}, {@code move}, {@code copy}, {@code test}. A malformed patch (not an array, an unknown
 * operation, a missing member, a bad pointer) is refused by {@link #parse} before anything is
 * touched; an operation that cannot be applied (a path that does not exist, a failing {@code test})
 * by {@link #apply}, on a copy: the patch applies as a whole or not at all. Every refusal is a 400
 * {@code invalid-request} whose message names the operation, never a value.
 */
final class JsonPatch {
  private static final Set<String> OPS = Set.of("add", "remove", "replace", "move", "copy", "test");
  private static final int MAX_OPERATIONS = 100;

  private record Operation(
      int index,
      String op,
      List<String> path,
      @Nullable List<String> from,
      @Nullable JsonNode value) {}

  private final List<Operation> operations;

  private JsonPatch(List<Operation> operations) {
    this.operations = List.copyOf(operations);
  }

  /** Reads a patch document: a JSON array of operation objects. */
  static JsonPatch parse(JsonNode document) {
    if (!document.isArray()) {
      throw HttpError.badRequest("A JSON Patch is an array of operations (RFC 6902)");
    }
    if (document.size() > MAX_OPERATIONS) {
      throw HttpError.badRequest("A JSON Patch holds at most " + MAX_OPERATIONS + " operations");
    }
    List<Operation> operations = new ArrayList<>();
    for (int i = 0; i < document.size(); i++) {
      JsonNode node = document.get(i);
      String at = "operation " + i;
      if (!node.isObject()) {
        throw HttpError.badRequest(at + " is not an object");
      }
      JsonNode op = node.get("op");
      if (op == null || !op.isTextual() || !OPS.contains(op.asText())) {
        throw HttpError.badRequest(
            at + ": op must be add, remove, replace, move, copy or test (RFC 6902)");
      }
      List<String> path = pointer(node.get("path"), at + ": path");
      List<String> from = null;
      JsonNode value = null;
      switch (op.asText()) {
        case "add", "replace", "test" -> {
          value = node.get("value");
          if (value == null) {
            throw HttpError.badRequest(at + ": " + op.asText() + " needs a value");
          }
        }
        case "move", "copy" -> from = pointer(node.get("from"), at + ": from");
        default -> {}
      }
      if ("move".equals(op.asText()) && isProperPrefix(from, path)) {
        throw HttpError.badRequest(at + ": cannot move a value into one of its own children");
      }
      operations.add(new Operation(i, op.asText(), path, from, value));
    }
    return new JsonPatch(operations);
  }

  /** Applies the patch to a copy of {@code target} and returns it. */
  JsonNode apply(JsonNode target) {
    JsonNode doc = target.deepCopy();
    for (Operation o : operations) {
      String at = "operation " + o.index() + " (" + o.op() + ")";
      switch (o.op()) {
        case "add" -> doc = add(doc, o.path(), o.value().deepCopy(), at);
        case "remove" -> doc = remove(doc, o.path(), at);
        case "replace" -> {
          // Replacing the root ("") replaces the whole document.
          if (!o.path().isEmpty()) {
            doc = remove(doc, o.path(), at);
          }
          doc = add(doc, o.path(), o.value().deepCopy(), at);
        }
        case "move" -> {
          JsonNode value = get(doc, o.from(), at).deepCopy();
          doc = remove(doc, o.from(), at);
          doc = add(doc, o.path(), value, at);
        }
        case "copy" -> doc = add(doc, o.path(), get(doc, o.from(), at).deepCopy(), at);
        case "test" -> {
          if (!equal(get(doc, o.path(), at), o.value())) {
            throw HttpError.badRequest(at + ": the test failed");
          }
        }
        default -> throw new IllegalStateException(o.op());
      }
    }
    return doc;
  }

  private static List<String> pointer(@Nullable JsonNode node, String what) {
    if (node == null || !node.isTextual()) {
      throw HttpError.badRequest(what + " must be a JSON Pointer string (RFC 6901)");
    }
    String text = node.asText();
    if (text.isEmpty()) {
      return List.of();
    }
    if (text.charAt(0) != '/') {
      throw HttpError.badRequest(what + " must be empty or start with / (RFC 6901)");
    }
    List<String> tokens = new ArrayList<>();
    for (String raw : text.substring(1).split("/", -1)) {
      StringBuilder token = new StringBuilder();
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c != '~') {
          token.append(c);
          continue;
        }
        char next = i + 1 < raw.length() ? raw.charAt(i + 1) : ' ';
        if (next == '0') {
          token.append('~');
        } else if (next == '1') {
          token.append('/');
        } else {
          throw HttpError.badRequest(what + ": ~ must be followed by 0 or 1 (RFC 6901)");
        }
        i++;
      }
      tokens.add(token.toString());
    }
    return List.copyOf(tokens);
  }

  private static boolean isProperPrefix(@Nullable List<String> prefix, List<String> path) {
    return prefix != null
        && prefix.size() < path.size()
        && path.subList(0, prefix.size()).equals(prefix);
  }

  private static JsonNode get(JsonNode doc, List<String> path, String at) {
    JsonNode node = doc;
    for (String token : path) {
      if (node.isObject()) {
        node = node.get(token);
      } else if (node.isArray()) {
        node = node.get(index(token, node.size() - 1, at));
      } else {
        node = null;
      }
      if (node == null) {
        throw HttpError.badRequest(at + ": the path does not exist");
      }
    }
    return node;
  }

  private static JsonNode add(JsonNode doc, List<String> path, JsonNode value, String at) {
    if (path.isEmpty()) {
      return value;
    }
    JsonNode parent = get(doc, path.subList(0, path.size() - 1), at);
    String last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else if (parent instanceof ArrayNode array) {
      if (last.equals("-")) {
        array.add(value);
      } else {
        array.insert(index(last, array.size(), at), value);
      }
    } else {
      throw HttpError.badRequest(at + ": the parent of the path is not a container");
    }
    return doc;
  }

  private static JsonNode remove(JsonNode doc, List<String> path, String at) {
    if (path.isEmpty()) {
      throw HttpError.badRequest(at + ": the whole document cannot be removed");
    }
    JsonNode parent = get(doc, path.subList(0, path.size() - 1), at);
    String last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode object) {
      if (!object.has(last)) {
        throw HttpError.badRequest(at + ": the path does not exist");
      }
      object.remove(last);
    } else if (parent instanceof ArrayNode array) {
      array.remove(index(last, array.size() - 1, at));
    } else {
      throw HttpError.badRequest(at + ": the path does not exist");
    }
    return doc;
  }

  /** An array index: digits without a leading zero, at most {@code max}. */
  private static int index(String token, int max, String at) {
    if (!token.matches("0|[1-9][0-9]{0,8}")) {
      throw HttpError.badRequest(at + ": an array index must be a non-negative integer");
    }
    int index = Integer.parseInt(token);
    if (index > max) {
      throw HttpError.badRequest(at + ": the array index is out of bounds");
    }
    return index;
  }

  /** RFC 6902 equality: numbers by value (1 equals 1.0), everything else structurally. */
  private static boolean equal(JsonNode a, JsonNode b) {
    Comparator<JsonNode> numbers =
        (x, y) -> {
          if (x.isNumber() && y.isNumber()) {
            return decimal(x).compareTo(decimal(y));
          }
          return x.equals(y) ? 0 : 1;
        };
    return a.equals(numbers, b);
  }

  private static BigDecimal decimal(JsonNode number) {
    return number.isBigDecimal() || number.isFloatingPointNumber()
        ? number.decimalValue()
        : new BigDecimal(number.bigIntegerValue());
  }
}
