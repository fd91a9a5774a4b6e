package io.mes4j.mockserver.internal.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.mockserver.internal.http.Fields;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A referenced service of the catalogue (CAT-1): its OID ({@code urn:oid:…}, also its OAuth
 * client_id), name, editor, status, the finalities it offers and its registered redirect URIs
 * (exact string match, RFC 6749 §3.1.2).
 */
public record CatalogueService(
    String id,
    String name,
    String editor,
    ServiceStatus status,
    Set<Finality> finalities,
    List<String> redirectUris) {
  public CatalogueService {
    finalities = Set.copyOf(finalities);
    redirectUris = List.copyOf(redirectUris);
  }

  /** The same service with another status. */
  public CatalogueService withStatus(ServiceStatus newStatus) {
    return new CatalogueService(id, name, editor, newStatus, finalities, redirectUris);
  }

  /** The wire shape: {@code {"id","name","editor","status","finalities":[…],"redirectUris"}}. */
  public ObjectNode json() {
    ObjectNode out = Json.object();
    out.put("id", id);
    out.put("name", name);
    out.put("editor", editor);
    out.put("status", status.name());
    ArrayNode list = out.putArray("finalities");
    for (Finality finality : sortedFinalities()) {
      ObjectNode item = list.addObject();
      item.put("code", finality.code());
      item.put("display", finality.display());
      ArrayNode data = item.putArray("data");
      finality.data().forEach(data::add);
      ArrayNode actions = item.putArray("actions");
      finality.actions().forEach(actions::add);
    }
    ArrayNode uris = out.putArray("redirectUris");
    redirectUris.forEach(uris::add);
    return out;
  }

  /** The finalities in their declaration order (stable output). */
  public List<Finality> sortedFinalities() {
    List<Finality> sorted = new ArrayList<>();
    for (Finality finality : Finality.values()) {
      if (finalities.contains(finality)) {
        sorted.add(finality);
      }
    }
    return sorted;
  }

  /** Whether {@code id} is an acceptable service id: {@code urn:oid:} and a dotted OID. */
  public static boolean validId(String id) {
    return id.startsWith("urn:oid:") && id.substring(8).matches("[0-2](\\.(0|[1-9][0-9]*))+");
  }

  /**
   * Reads a service from its wire shape (the control plane's {@code PUT /_mock/services/{id}}).
   * Everything is checked before anything changes; a problem is a 400.
   *
   * @param id the id of the path; the body's id, if given, must be the same
   */
  public static CatalogueService read(ObjectNode body, String id) {
    if (!validId(id)) {
      throw HttpError.badRequest("A service id must be urn:oid: followed by a dotted OID");
    }
    String bodyId = Fields.optionalText(body, "id", "id");
    if (bodyId != null && !bodyId.equals(id)) {
      throw HttpError.badRequest("Field id must be the id of the path");
    }
    String name = Fields.text(body, "name", "name");
    String editor = Fields.text(body, "editor", "editor");
    String statusCode = Fields.optionalText(body, "status", "status");
    ServiceStatus status =
        statusCode == null ? ServiceStatus.EN_LIGNE : ServiceStatus.fromCode(statusCode);
    if (status == null) {
      throw HttpError.badRequest(
          "Field status must be EN_LIGNE, HORS_LIGNE, SUSPENDUE or DEREFERENCEE");
    }
    ArrayNode finalityArray = Fields.array(body, "finalities", "finalities");
    Set<Finality> finalities = EnumSet.noneOf(Finality.class);
    for (int i = 0; i < finalityArray.size(); i++) {
      JsonNode item = finalityArray.get(i);
      String code = item.isTextual() ? item.textValue() : item.path("code").asText(null);
      Finality finality = Finality.fromCode(code);
      if (finality == null) {
        throw HttpError.badRequest(
            "finalities["
                + i
                + "] must be one of AGENDA_READ, AGENDA_WRITE, DOCUMENTS_READ, DOCUMENTS_WRITE,"
                + " MEASUREMENTS_READ, MEASUREMENTS_WRITE (a code or {\"code\": …})");
      }
      finalities.add(finality);
    }
    if (finalities.isEmpty()) {
      throw HttpError.badRequest("Field finalities must name at least one finality");
    }
    ArrayNode uriArray = Fields.array(body, "redirectUris", "redirectUris");
    Set<String> uris = new LinkedHashSet<>();
    for (int i = 0; i < uriArray.size(); i++) {
      JsonNode item = uriArray.get(i);
      if (!item.isTextual() || !absoluteWithoutFragment(item.textValue())) {
        throw HttpError.badRequest(
            "redirectUris[" + i + "] must be an absolute URI without a fragment");
      }
      uris.add(item.textValue());
    }
    if (uris.isEmpty()) {
      throw HttpError.badRequest("Field redirectUris must hold at least one URI");
    }
    return new CatalogueService(id, name, editor, status, finalities, List.copyOf(uris));
  }

  private static boolean absoluteWithoutFragment(String value) {
    try {
      URI uri = new URI(value);
      return uri.isAbsolute() && uri.getRawFragment() == null && uri.getScheme() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
