package io.mes4j.dossier;

import io.mes4j.core.Page;
import io.mes4j.core.internal.ApiExecutor;
import io.mes4j.core.internal.SearchForm;
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
    // POST _search: the INS travels in the body, never in a URL.
    SearchForm form =
        new SearchForm("AuditEvent")
            .add("patient.identifier", FhirDocuments.patientToken(query.patient()))
            .add("_count", Integer.toString(query.pageSize()));
    query.from().ifPresent(f -> form.add("date", "ge" + f));
    query.to().ifPresent(t -> form.add("date", "le" + t));
    query.actorType().ifPresent(a -> form.add("actor-type", a.code()));
    return FhirPages.page(executor, form.request(), "/fhir/AuditEvent", FhirTraces::readTrace);
  }
}
