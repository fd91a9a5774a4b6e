package io.mes4j.mockserver.internal.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.mockserver.internal.http.Dispatcher;
import io.mes4j.mockserver.internal.http.Fields;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.http.Response;
import io.mes4j.mockserver.internal.http.Router;
import java.util.Map;

/**
 * {@code /_mock/tenants} (root server only): make, list and remove tenants, each an isolated server
 * under {@code <base>/t/<name>}.
 */
public final class TenantEndpoints {
  /** What the server does with its tenants. */
  public interface Tenants {
    /** A tenant made (or found), and whether it was made now. */
    record Created(String baseUrl, boolean made) {}

    /**
     * Makes (or finds) a tenant.
     *
     * @throws IllegalArgumentException if the server holds too many
     */
    Created create(String name);

    /** The tenants' names and base URLs, by name. */
    Map<String, String> list();

    /** Removes a tenant; false if unknown. */
    boolean delete(String name);
  }

  private final Tenants tenants;

  public TenantEndpoints(Tenants tenants) {
    this.tenants = tenants;
  }

  public void register(Router router) {
    router.add("POST", "/_mock/tenants", this::create);
    router.add("GET", "/_mock/tenants", this::list);
    router.add("DELETE", "/_mock/tenants/{name}", this::delete);
  }

  private Response create(Request request) {
    request.requireJsonContent();
    ObjectNode body = Json.parseObject(request.body());
    String name = Fields.text(body, "name", "name");
    if (!Dispatcher.TENANT_NAME.matcher(name).matches()) {
      throw HttpError.badRequest("Field name must be 1 to 40 of [a-z0-9-]");
    }
    Tenants.Created created;
    try {
      created = tenants.create(name);
    } catch (IllegalArgumentException e) {
      throw new HttpError(io.mes4j.mockserver.internal.Cause.CONFLICT, e.getMessage());
    }
    ObjectNode answer = Json.object();
    answer.put("name", name);
    answer.put("baseUrl", created.baseUrl());
    return Response.json(created.made() ? 201 : 200, answer);
  }

  private Response list(Request request) {
    ObjectNode answer = Json.object();
    ArrayNode list = answer.putArray("tenants");
    tenants
        .list()
        .forEach((name, baseUrl) -> list.addObject().put("name", name).put("baseUrl", baseUrl));
    return Response.json(200, answer);
  }

  private Response delete(Request request) {
    if (!tenants.delete(request.pathParam("name"))) {
      throw HttpError.notFound("No such tenant");
    }
    return Response.empty(204);
  }
}
