package io.mes4j.mockserver.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.core.AccessMode;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One server per test class on a fixed clock, reset before each test. */
public abstract class ServerTest {
  public static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

  protected static MockServer server;
  protected static TestClient http;

  @BeforeAll
  static void startServer() {
    server = MockServer.builder().clock(START).start();
    http = new TestClient(server.baseUrl());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void resetServer() {
    server.control().reset();
  }

  protected static String token(ProfessionalId professional) {
    return server.control().token(professional);
  }

  protected static String token(Ins patient) {
    return server.control().token(patient);
  }

  protected static String token(ProfessionalId professional, AccessMode mode) {
    return server.control().token(professional, mode);
  }

  protected static String patientParam(Ins ins) {
    return "patient.identifier=" + ins.system().uri() + "%7C" + ins.value();
  }

  /**
   * Deposits a PDF by ITI-105 and answers the stored DocumentReference's id. {@code MASQUE_PS} is
   * the holder's label (DOC-8): the holder sets it by a PATCH right after the deposit.
   */
  protected static String deposit(
      ProfessionalId author, Ins patient, String masterId, String type, String... labels) {
    boolean masked = java.util.Arrays.asList(labels).contains("MASQUE_PS");
    String[] atDeposit =
        java.util.Arrays.stream(labels).filter(l -> !l.equals("MASQUE_PS")).toArray(String[]::new);
    Answer answer =
        http.postJson(
            "/fhir/DocumentReference",
            token(author),
            Documents.iti105(patient, masterId, type, Documents.pdf(masterId), atDeposit));
    if (answer.status() != 201) {
      throw new AssertionError("deposit failed: " + answer.status() + " " + answer.text());
    }
    String id = answer.json().get("id").asText();
    if (masked) {
      mask(patient, id, answer.json());
    }
    return id;
  }

  /** The holder masks a document (MASQUE_PS) with a JSON Patch of its labels. */
  protected static void mask(Ins holder, String id, JsonNode stored) {
    com.fasterxml.jackson.databind.node.ArrayNode labels = TestClient.JSON.createArrayNode();
    for (JsonNode label : stored.path("securityLabel")) {
      if (!"N".equals(label.path("coding").path(0).path("code").asText())) {
        labels.add(label);
      }
    }
    labels
        .addObject()
        .putArray("coding")
        .addObject()
        .put("system", Documents.TRE_A07)
        .put("code", "MASQUE_PS");
    com.fasterxml.jackson.databind.node.ArrayNode patch = TestClient.JSON.createArrayNode();
    patch.addObject().put("op", "replace").put("path", "/securityLabel").set("value", labels);
    Answer answer =
        http.send(
            "PATCH",
            "/fhir/DocumentReference/" + id,
            token(holder),
            "application/json-patch+json",
            patch.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (answer.status() != 200) {
      throw new AssertionError("masking failed: " + answer.status() + " " + answer.text());
    }
  }

  protected static Answer search(String token, Ins patient, String extra) {
    return http.get("/fhir/DocumentReference?" + patientParam(patient) + extra, token);
  }

  /** The same search as {@link #search}, by POST to {@code _search} with a form body. */
  protected static Answer searchByPost(String token, Ins patient, String extra) {
    return http.postForm("/fhir/DocumentReference/_search", token, patientParam(patient) + extra);
  }

  /** The {@code url} of the bundle's link of relation {@code relation}, or null. */
  protected static String link(JsonNode bundle, String relation) {
    for (JsonNode link : bundle.path("link")) {
      if (relation.equals(link.path("relation").asText())) {
        return link.path("url").asText();
      }
    }
    return null;
  }
}
