package io.mes4j.mockserver.internal.console;

import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.SpaceState;
import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.ServerState;
import io.mes4j.mockserver.internal.fhir.FhirWriter;
import io.mes4j.mockserver.internal.store.Attachment;
import io.mes4j.mockserver.internal.store.ConsentRecord;
import io.mes4j.mockserver.internal.store.Directory;
import io.mes4j.mockserver.internal.store.PatientRecord;
import io.mes4j.mockserver.internal.store.StoredDocument;
import io.mes4j.mockserver.internal.store.TraceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;

/**
 * Renders the console's pages from one snapshot of the state ({@link Engine#state()} read once per
 * page). Every value is escaped by {@link Html}; each patient's record is read under its read lock.
 */
final class ConsolePages {
  /** The console's path, as the router sees it (without a tenant's prefix). */
  static final String ROOT = "/_mock/console";

  static final int SPACES_PER_PAGE = 100;
  static final int AUDIT_LIMIT = 500;
  static final int PATIENT_TRACE_LIMIT = 200;
  static final int OUTBOX_LIMIT = 500;

  /** A rendered page: its status, title (for {@code <title>} and {@code <h1>}) and body markup. */
  record Page(int status, String title, String nav, Html body) {}

  private final Engine engine;
  private final JournalView journal;
  private final PatientKeys keys = new PatientKeys();
  private final String root;

  ConsolePages(Engine engine, JournalView journal) {
    this.engine = engine;
    this.journal = journal;
    // A tenant's console lives under its prefix (/t/<name>): its links must stay there.
    String basePath = java.net.URI.create(engine.baseUrl()).getRawPath();
    this.root = (basePath == null ? "" : basePath) + ROOT;
  }

  /** The console's path in links: {@link #ROOT} under the server's (or tenant's) base path. */
  String root() {
    return root;
  }

  /** The server clock's instant, shown on every page. */
  Instant now() {
    return engine.clock().now();
  }

  /** The address of a patient's page: an opaque key, never the INS (see {@link PatientKeys}). */
  String patientHref(String insValue) {
    return root + "/patients/" + keys.key(insValue);
  }

  // ---- spaces ----

  /** The spaces, by INS value, {@link #SPACES_PER_PAGE} a page, with a count per state. */
  Page spaces(int pageNumber) {
    ServerState state = engine.state();
    List<PatientRecord> records = new ArrayList<>(state.store().all());
    records.sort(Comparator.comparing(r -> r.ins().value()));
    Map<SpaceState, Integer> perState = new EnumMap<>(SpaceState.class);
    for (PatientRecord record : records) {
      perState.merge(record.state(), 1, Integer::sum);
    }
    int pages = Math.max(1, (records.size() + SPACES_PER_PAGE - 1) / SPACES_PER_PAGE);
    if (pageNumber > pages) {
      return notFound("No such page", "There are " + pages + " page(s) of spaces.");
    }
    Html body = new Html();
    body.raw("<section id=\"summary\"><h2>Summary</h2><p>").text(records.size() + " space(s): ");
    boolean first = true;
    for (SpaceState spaceState : SpaceState.values()) {
      if (!first) {
        body.raw(" ");
      }
      first = false;
      body.badge("state", spaceState.name()).text(" " + perState.getOrDefault(spaceState, 0));
    }
    body.raw("</p></section>");
    body.raw("<section id=\"spaces\"><h2>Spaces</h2>");
    if (records.isEmpty()) {
      body.raw("<p class=\"empty\">No space: the server holds no patient.</p>");
    } else {
      body.raw("<table>")
          .headerRow("INS", "Holder", "Born", "State", "Documents", "Active consents", "Traces")
          .raw("<tbody>");
      int from = (pageNumber - 1) * SPACES_PER_PAGE;
      for (PatientRecord record :
          records.subList(from, Math.min(records.size(), from + SPACES_PER_PAGE))) {
        Lock lock = record.lock().readLock();
        lock.lock();
        try {
          long documents = record.documents().stream().filter(d -> !d.deleted()).count();
          long consents = record.consents().stream().filter(ConsentRecord::active).count();
          body.raw("<tr><td>")
              .link(patientHref(record.ins().value()), record.ins().value())
              .raw("</td>")
              .cell(record.displayName())
              .cell(record.birthDate())
              .raw("<td>")
              .badge("state", record.state().name())
              .raw("</td>")
              .cell(documents)
              .cell(consents)
              .cell(record.traces().size())
              .raw("</tr>");
        } finally {
          lock.unlock();
        }
      }
      body.raw("</tbody></table>");
      if (pages > 1) {
        body.raw("<nav class=\"pages\">");
        for (int p = 1; p <= pages; p++) {
          if (p == pageNumber) {
            body.element("strong", null, p);
          } else {
            body.link(root + "?page=" + p, p);
          }
          body.raw(" ");
        }
        body.raw("</nav>");
      }
    }
    body.raw("</section>");
    return new Page(200, "Spaces", "spaces", body);
  }

  // ---- one patient ----

  /** One patient's space: identity, state, relations, documents, consents, traces, notices. */
  Page patient(String key) {
    ServerState state = engine.state();
    Optional<PatientRecord> found = keys.find(state.store(), key);
    if (found.isEmpty()) {
      return notFound("No such patient", "The server holds no patient of this key.");
    }
    PatientRecord record = found.get();
    String insValue = record.ins().value();
    Directory directory = state.store().directory();
    Instant now = engine.clock().now();
    Html body = new Html();
    Lock lock = record.lock().readLock();
    lock.lock();
    try {
      body.raw("<section id=\"identity\"><h2>Space</h2><dl>");
      term(body, "INS", record.ins().value());
      term(body, "INS system", record.ins().system().uri());
      term(body, "Holder", record.displayName());
      term(body, "Sex", record.sex());
      term(body, "Born", record.birthDate() + (record.minorAt(now) ? " (minor)" : ""));
      body.raw("<dt>State</dt><dd>").badge("state", record.state().name()).raw("</dd>");
      term(body, "Announced", record.announcedAt());
      term(body, "Closed", record.closedAt());
      term(body, "Médecin traitant", professional(directory, record.medecinTraitant()));
      term(body, "Authorised", professionals(directory, record.authorised()));
      term(body, "Blocked", professionals(directory, record.blocked()));
      term(body, "Same rights", professionals(directory, record.sameRights()));
      term(body, "Deposits opposed", professionals(directory, record.depositOpposed()));
      body.raw("<dt>Legal representatives</dt><dd>");
      if (record.representatives().isEmpty()) {
        body.text("—");
      }
      for (String representative : new TreeSet<>(record.representatives())) {
        body.link(patientHref(representative), representative).raw(" ");
      }
      body.raw("</dd>");
      List<String> attachments = new ArrayList<>();
      for (Attachment attachment : record.attachments().values()) {
        attachments.add(
            attachment.representative()
                + " "
                + attachment.status()
                + " since "
                + attachment.since());
      }
      term(body, "Attachments", attachments.isEmpty() ? null : String.join("; ", attachments));
      term(
          body,
          "Silenced notices",
          record.silencedNotifications().isEmpty()
              ? null
              : new TreeSet<>(record.silencedNotifications().stream().map(Enum::name).toList())
                  .toString());
      body.raw("</dl></section>");
      documents(body, record);
      consents(body, record, directory);
    } finally {
      lock.unlock();
    }
    List<TraceRecord> traces = new ArrayList<>(record.traces());
    traces.sort(
        Comparator.comparing(TraceRecord::recorded).thenComparing(TraceRecord::id).reversed());
    body.raw("<section id=\"audit\"><h2>Audit trail</h2>");
    traceTable(body, traces, PATIENT_TRACE_LIMIT, false);
    body.raw("</section>");
    List<Notification> notices = new ArrayList<>();
    for (Notification notification : state.outbox().all()) {
      if (notification.patient() != null && notification.patient().value().equals(insValue)) {
        notices.add(notification);
      }
    }
    body.raw("<section id=\"notices\"><h2>Notices</h2>");
    noticeTable(body, notices, OUTBOX_LIMIT, false);
    body.raw("</section>");
    return new Page(200, record.displayName() + " — " + insValue, "spaces", body);
  }

  private static void documents(Html body, PatientRecord record) {
    body.raw("<section id=\"documents\"><h2>Documents</h2>");
    List<StoredDocument> documents = record.documents();
    if (documents.isEmpty()) {
      body.raw("<p class=\"empty\">No document.</p>");
    } else {
      body.raw("<table>")
          .headerRow(
              "Id",
              "Type",
              "Title",
              "Labels",
              "Status",
              "Archived",
              "Author",
              "Date",
              "Version",
              "Size")
          .raw("<tbody>");
      for (StoredDocument document : documents) {
        body.raw(document.deleted() ? "<tr class=\"deleted\">" : "<tr>")
            .cell(document.id())
            .cell(document.type().code())
            .cell(document.title())
            .raw("<td class=\"labels\">");
        // The labels as the wire shows them: N alone, or the restrictive ones.
        for (ConfidentialityLabel label : FhirWriter.wireLabels(document)) {
          body.badge("label", label.code()).raw(" ");
        }
        body.raw("</td>")
            .cell(document.status())
            .cell(document.archived() ? "yes" : "no")
            .cell(document.authorId())
            .cell(document.date())
            .cell(document.version())
            .cell(document.size() + " B " + document.contentType())
            .raw("</tr>");
      }
      body.raw("</tbody></table>");
    }
    body.raw("</section>");
  }

  private static void consents(Html body, PatientRecord record, Directory directory) {
    body.raw("<section id=\"consents\"><h2>Consents</h2>");
    List<ConsentRecord> consents = record.consents();
    if (consents.isEmpty()) {
      body.raw("<p class=\"empty\">No consent.</p>");
    } else {
      body.raw("<table>")
          .headerRow("Id", "Category", "Professional", "Provision", "Active", "Recorded", "By")
          .raw("<tbody>");
      for (ConsentRecord consent : consents) {
        body.raw(consent.active() ? "<tr>" : "<tr class=\"inactive\">")
            .cell(consent.id())
            .cell(consent.category().code())
            .cell(professional(directory, consent.professionalId()))
            .cell(consent.permit() ? "permit" : "deny")
            .cell(consent.active() ? "active" : "inactive")
            .cell(consent.recorded())
            .cell(consent.performerId())
            .raw("</tr>");
      }
      body.raw("</tbody></table>");
    }
    body.raw("</section>");
  }

  // ---- audit, outbox, journal, clock ----

  /** Every dossier's traces together, newest first, the first {@link #AUDIT_LIMIT}. */
  Page audit() {
    List<TraceRecord> traces = new ArrayList<>();
    for (PatientRecord record : engine.state().store().all()) {
      traces.addAll(record.traces());
    }
    traces.sort(
        Comparator.comparing(TraceRecord::recorded).thenComparing(TraceRecord::id).reversed());
    Html body = new Html();
    body.raw("<section id=\"audit\"><h2>Audit trail</h2>");
    traceTable(body, traces, AUDIT_LIMIT, true);
    body.raw("</section>");
    return new Page(200, "Audit trail", "audit", body);
  }

  /** The notices sent, newest first, the first {@link #OUTBOX_LIMIT}. */
  Page outbox() {
    List<Notification> notices = new ArrayList<>(engine.state().outbox().all());
    Html body = new Html();
    body.raw("<section id=\"outbox\"><h2>Outbox</h2>");
    noticeTable(body, notices, OUTBOX_LIMIT, true);
    body.raw("</section>");
    return new Page(200, "Outbox", "outbox", body);
  }

  /** The request journal, as {@link JournalView} renders it, filtered by the query. */
  Page journal(Map<String, List<String>> parameters) {
    Html body = new Html();
    body.raw("<section id=\"journal\"><h2>Request journal</h2>");
    try {
      journal.render(body, root, parameters);
    } catch (IllegalArgumentException e) {
      return error(400, "Bad filter", e.getMessage());
    }
    body.raw("</section>");
    return new Page(200, "Journal", "journal", body);
  }

  /** The server clock: now, its mode, and how to move it. */
  Page clock() {
    Html body = new Html();
    body.raw("<section id=\"clock\"><h2>Clock</h2><dl>");
    term(body, "Now", engine.clock().now());
    term(
        body,
        "Mode",
        engine.clock().isFixed()
            ? "fixed: moves only when told"
            : "system: the system clock plus what was advanced");
    body.raw("</dl><p>The console is read-only: move the clock with <code>PUT /_mock/clock</code>")
        .raw(" or <code>POST /_mock/clock/advance</code>.</p></section>");
    return new Page(200, "Clock", "clock", body);
  }

  /** A 404 page. */
  Page notFound(String title, String message) {
    return error(404, title, message);
  }

  /** An error page (400, 404, 405). */
  Page error(int status, String title, String message) {
    Html body = new Html();
    body.raw("<section id=\"error\"><p>")
        .text(message)
        .raw("</p><p>")
        .link(root, "Back to the spaces")
        .raw("</p></section>");
    return new Page(status, title, "", body);
  }

  // ---- pieces ----

  private void traceTable(Html body, List<TraceRecord> traces, int limit, boolean withPatient) {
    if (traces.isEmpty()) {
      body.raw("<p class=\"empty\">No trace.</p>");
      return;
    }
    body.raw("<table>");
    if (withPatient) {
      body.headerRow("When", "Patient", "Actor", "Action", "Mode", "Object", "Outcome");
    } else {
      body.headerRow("When", "Actor", "Action", "Mode", "Object", "Outcome");
    }
    body.raw("<tbody>");
    for (TraceRecord trace : traces.subList(0, Math.min(limit, traces.size()))) {
      body.raw(trace.refusal() == null ? "<tr>" : "<tr class=\"refused\">").cell(trace.recorded());
      if (withPatient) {
        body.raw("<td>").link(patientHref(trace.patientIns()), trace.patientIns()).raw("</td>");
      }
      String object =
          trace.documentId() != null
              ? "DocumentReference/" + trace.documentId()
              : trace.objectReference();
      body.cell(trace.actorType() + " " + trace.agentId() + " (" + trace.agentName() + ")")
          .cell(trace.actionCode() + " [" + trace.fhirAction() + "]")
          .cell(trace.modeCode())
          .cell(object)
          .cell(trace.refusal() == null ? "success" : "refused: " + trace.refusal())
          .raw("</tr>");
    }
    body.raw("</tbody></table>");
    if (traces.size() > limit) {
      body.raw("<p class=\"more\">")
          .text((traces.size() - limit) + " older trace(s) not shown.")
          .raw("</p>");
    }
  }

  private void noticeTable(Html body, List<Notification> notices, int limit, boolean withPatient) {
    if (notices.isEmpty()) {
      body.raw("<p class=\"empty\">No notice.</p>");
      return;
    }
    List<Notification> newestFirst = new ArrayList<>(notices);
    java.util.Collections.reverse(newestFirst);
    body.raw("<table>");
    if (withPatient) {
      body.headerRow("When", "Kind", "To", "Patient", "Subject");
    } else {
      body.headerRow("When", "Kind", "To", "Subject");
    }
    body.raw("<tbody>");
    for (Notification notice : newestFirst.subList(0, Math.min(limit, newestFirst.size()))) {
      body.raw("<tr>").cell(notice.at()).cell(notice.kind().name()).cell(notice.to());
      if (withPatient) {
        if (notice.patient() == null) {
          body.cell(null);
        } else {
          body.raw("<td>")
              .link(patientHref(notice.patient().value()), notice.patient().value())
              .raw("</td>");
        }
      }
      body.cell(notice.subject()).raw("</tr>");
    }
    body.raw("</tbody></table>");
    if (newestFirst.size() > limit) {
      body.raw("<p class=\"more\">")
          .text((newestFirst.size() - limit) + " older notice(s) not shown.")
          .raw("</p>");
    }
  }

  private static void term(Html body, String name, @Nullable Object value) {
    body.raw("<dt>").text(name).raw("</dt><dd>").text(value == null ? "—" : value).raw("</dd>");
  }

  private static @Nullable String professional(Directory directory, @Nullable String idNatPs) {
    if (idNatPs == null) {
      return null;
    }
    return directory
        .professional(idNatPs)
        .map(p -> idNatPs + " (" + p.name() + ")")
        .orElse(idNatPs);
  }

  private static @Nullable String professionals(Directory directory, Set<String> ids) {
    if (ids.isEmpty()) {
      return null;
    }
    List<String> named = new ArrayList<>();
    for (String id : new TreeSet<>(ids)) {
      named.add(professional(directory, id));
    }
    return String.join(", ", named);
  }
}
