package io.mes4j.dossier;

import io.mes4j.core.Page;
import io.mes4j.core.internal.ApiExecutor;
import io.mes4j.core.internal.ApiRequest;
import io.mes4j.dossier.internal.FhirDocuments;
import io.mes4j.dossier.internal.FhirPages;
import io.mes4j.dossier.internal.FhirTraces;

/**
 * A dossier's activity history (AU-1, AU-2): the traces of every action on it, refusals included,
 * newest first.
 *
 * <pre>{@code
 * Page<Trace> traces = Dossier.of(mes).history().list(HistoryQuery.forPatient(ins).build());
 * }</pre>
 */
public final class ActivityHistory {
  private final ApiExecutor executor;

  ActivityHistory(ApiExecutor executor) {
    this.executor = executor;
  }

  /** Lists the traces the caller may read (AU-2), paged. */
  public Page<Trace> list(HistoryQuery query) {
    ApiRequest.Builder request =
        ApiRequest.builder("GET", "/fhir/AuditEvent")
            .path("/fhir/AuditEvent")
            .queryParam("patient.identifier", FhirDocuments.patientToken(query.patient()))
            .queryParam("_count", Integer.toString(query.pageSize()));
    query.from().ifPresent(f -> request.queryParam("date", "ge" + f));
    query.to().ifPresent(t -> request.queryParam("date", "le" + t));
    return FhirPages.page(executor, request.build(), FhirTraces::readTrace);
  }
}
