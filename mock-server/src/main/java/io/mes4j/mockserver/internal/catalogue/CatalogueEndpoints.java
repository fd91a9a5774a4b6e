package io.mes4j.mockserver.internal.catalogue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.http.Fields;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.http.Response;
import io.mes4j.mockserver.internal.http.Router;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The catalogue's listing (CAT-1), plain JSON and open to all: {@code GET /catalogue/services}
 * (sorted by id) and {@code GET /catalogue/services/{id}}; and its control plane: {@code PUT
 * /_mock/services/{id}} (create or replace) and {@code PUT /_mock/services/{id}/status}.
 */
public final class CatalogueEndpoints {
  private final Engine engine;

  public CatalogueEndpoints(Engine engine) {
    this.engine = engine;
  }

  public void register(Router router) {
    router.add("GET", "/catalogue/services", this::list);
    router.add("GET", "/catalogue/services/{id}", this::one);
    router.add("PUT", "/_mock/services/{id}", this::put);
    router.add("PUT", "/_mock/services/{id}/status", this::status);
  }

  private Response list(Request request) {
    ObjectNode body = Json.object();
    ArrayNode services = body.putArray("services");
    for (CatalogueService service : engine.state().catalogue().all()) {
      services.add(service.json());
    }
    return Response.json(200, body);
  }

  private Response one(Request request) {
    String id = id(request);
    return engine
        .state()
        .catalogue()
        .service(id)
        .map(s -> Response.json(200, s.json()))
        .orElseThrow(() -> HttpError.notFound("No service of this id in the catalogue"));
  }

  private Response put(Request request) {
    request.requireJsonContent();
    String id = id(request);
    CatalogueService service = CatalogueService.read(Json.parseObject(request.body()), id);
    engine.state().catalogue().put(service);
    return Response.json(200, service.json());
  }

  private Response status(Request request) {
    request.requireJsonContent();
    String id = id(request);
    ObjectNode body = Json.parseObject(request.body());
    ServiceStatus status = ServiceStatus.fromCode(Fields.text(body, "status", "status"));
    if (status == null) {
      throw HttpError.badRequest(
          "Field status must be EN_LIGNE, HORS_LIGNE, SUSPENDUE or DEREFERENCEE");
    }
    return engine
        .state()
        .catalogue()
        .status(id, status)
        .map(s -> Response.json(200, s.json()))
        .orElseThrow(() -> HttpError.notFound("No service of this id in the catalogue"));
  }

  /** The path's service id, percent-decoded ({@code urn%3Aoid%3A2.999.1.1} or as is). */
  static String id(Request request) {
    try {
      return URLDecoder.decode(request.pathParam("id"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("The service id is not correctly percent-encoded");
    }
  }
}
