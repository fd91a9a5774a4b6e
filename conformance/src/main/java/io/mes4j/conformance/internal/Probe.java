package io.mes4j.conformance.internal;

import io.mes4j.agenda.Agenda;
import io.mes4j.conformance.Role;
import io.mes4j.core.AccessMode;
import io.mes4j.core.MesClient;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.code.SpaceState;
import io.mes4j.core.error.ErrorCause;
import io.mes4j.core.error.MesServiceException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.dossier.Authorisation;
import io.mes4j.dossier.DocumentDeposit;
import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.Dossier;
import io.mes4j.messaging.Messaging;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * What a check acts through: the session's clients, its expectations (each recorded as expected and
 * observed, the first unmet one failing the check), and the clean-ups that undo what it did on the
 * target, run in reverse order whatever happens.
 */
public final class Probe {
  /** The creation instant of the kit's documents: fixed, so that nothing depends on a clock. */
  static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");

  private final Session session;
  private final List<String> expected = new ArrayList<>();
  private final List<String> observed = new ArrayList<>();
  private final Deque<Callable<?>> cleanups = new ArrayDeque<>();

  Probe(Session session) {
    this.session = session;
  }

  /** A failed expectation. */
  public static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String expectedText;
    private final String observedText;

    Failure(String expected, String observed) {
      super(expected + " / " + observed, null, false, false);
      this.expectedText = expected;
      this.observedText = observed;
    }

    String expected() {
      return expectedText;
    }

    String observed() {
      return observedText;
    }
  }

  // ---- what the check acts as

  Session session() {
    return session;
  }

  MesClient client(Role role) {
    return session.client(role);
  }

  MesClient client(Role role, AccessMode mode) {
    return session.client(role).withAccessMode(mode);
  }

  Dossier dossier(Role role) {
    return Dossier.of(client(role));
  }

  Messaging messaging(Role role) {
    return Messaging.of(client(role));
  }

  Agenda agenda(Role role) {
    return Agenda.of(client(role));
  }

  Ins holder() {
    return session.patient(SpaceState.ACTIVE);
  }

  Ins patient(SpaceState state) {
    return session.patient(state);
  }

  ProfessionalId pro(Role role) {
    return ProfessionalId.of(session.actorId(role));
  }

  RawHttp http() {
    return session.http();
  }

  String token(Role role) {
    return session.token(role, AccessMode.normal());
  }

  // ---- expectations

  /** Records an expectation; fails the check if it is not met. */
  void expect(String expectedText, String observedText, boolean met) {
    if (!met) {
      throw new Failure(expectedText, observedText);
    }
    expected.add(expectedText);
    observed.add(observedText);
  }

  /** Expects {@code actual} to equal {@code wanted}. */
  void equal(String what, Object wanted, Object actual) {
    expect(what + " = " + wanted, what + " = " + actual, Objects.equals(wanted, actual));
  }

  /** Runs a step that must succeed; a refusal fails the check, saying what the target answered. */
  <T> T step(String what, Callable<T> call) {
    try {
      return call.call();
    } catch (Failure f) {
      throw f;
    } catch (Exception e) {
      throw new Failure(what + " succeeds", describe(e));
    }
  }

  /** Expects {@code call} to be refused with {@code status} and {@code cause}. */
  void refused(String what, int status, ErrorCause cause, Callable<?> call) {
    refused(what, status, cause.code(), call);
  }

  /** Expects {@code call} to be refused with {@code status} and the cause code {@code cause}. */
  void refused(String what, int status, String cause, Callable<?> call) {
    String wanted = what + ": " + status + " " + cause;
    Object result;
    try {
      result = call.call();
    } catch (MesServiceException e) {
      String got = what + ": " + e.statusCode() + " " + e.causeCode();
      expect(wanted, got, e.statusCode() == status && cause.equals(e.causeCode()));
      return;
    } catch (Failure f) {
      throw f;
    } catch (Exception e) {
      throw new Failure(wanted, what + ": " + describe(e));
    }
    // only the kind of answer: a value's text could hold personal data
    throw new Failure(
        wanted,
        what
            + ": succeeded"
            + (result == null ? "" : " (" + result.getClass().getSimpleName() + ")"));
  }

  /** Expects a raw answer with {@code status} and {@code cause} (null: any or none). */
  void answered(String what, RawHttp.Raw raw, int status, @Nullable String cause) {
    String wanted = what + ": " + status + (cause == null ? "" : " " + cause);
    boolean met = raw.status() == status && (cause == null || cause.equals(raw.cause()));
    expect(wanted, what + ": " + raw.describe(), met);
  }

  static String describe(Throwable e) {
    if (e instanceof MesServiceException m) {
      return m.statusCode() + " " + m.causeCode();
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  String expectedSummary() {
    return String.join("; ", expected);
  }

  String observedSummary() {
    return String.join("; ", observed);
  }

  // ---- clean-ups

  /** Registers something to undo on the target after the check, whatever its outcome. */
  void cleanup(Callable<?> undo) {
    cleanups.push(undo);
  }

  /** Runs the clean-ups, last registered first; their failures are ignored. */
  void runCleanups() {
    while (!cleanups.isEmpty()) {
      try {
        cleanups.pop().call();
      } catch (Exception e) {
        // best effort: a clean-up that fails leaves the target as a failed check would
      }
    }
  }

  // ---- helpers

  /** A fresh producer unique id. */
  static String uniqueId() {
    return "urn:uuid:" + UUID.randomUUID();
  }

  /** A small text document for the holder's dossier. */
  DocumentDeposit.Builder document(String title) {
    return DocumentDeposit.builder()
        .patient(holder())
        .type(DocumentType.LABORATORY_REPORT)
        .title(title)
        .uniqueId(uniqueId())
        .creation(CREATED)
        .content(("mes4j conformance: " + title).getBytes(StandardCharsets.UTF_8), "text/plain");
  }

  /** Deposits as {@code by}, and deletes it after the check (DOC-5: the author deletes). */
  DocumentEntry deposit(Role by, DocumentDeposit deposit) {
    DocumentEntry entry =
        step(by + " deposits a document", () -> dossier(by).documents().deposit(deposit));
    cleanup(() -> dossier(by).documents().delete(entry.id()));
    return entry;
  }

  /** Makes sure {@code role} is authorised on the holder's dossier; undoes it if it was not. */
  void ensureAuthorised(Role role) {
    ProfessionalId pro = pro(role);
    boolean already =
        step(
            "HOLDER lists the authorisations",
            () ->
                dossier(Role.HOLDER)
                    .access()
                    .authorisations(holder())
                    .streamAll()
                    .anyMatch(a -> a.active() && a.professional().equals(pro)));
    if (!already) {
      Authorisation a =
          step(
              "HOLDER authorises " + role,
              () -> dossier(Role.HOLDER).access().authorise(holder(), pro));
      cleanup(
          () -> {
            dossier(Role.HOLDER).access().revoke(a.id());
            return null;
          });
    }
  }

  /** Makes sure {@code role} has no active authorisation and no block on the holder's dossier. */
  void ensureNotAuthorised(Role role) {
    ProfessionalId pro = pro(role);
    step(
        "HOLDER revokes the authorisations of " + role,
        () -> {
          for (Authorisation a :
              dossier(Role.HOLDER).access().authorisations(holder()).iterateAll()) {
            if (a.active() && a.professional().equals(pro)) {
              dossier(Role.HOLDER).access().revoke(a.id());
            }
          }
          dossier(Role.HOLDER).access().unblock(holder(), pro);
          return null;
        });
  }

  /** Authorises {@code role} for this check only. */
  Authorisation authoriseForCheck(Role role) {
    ensureNotAuthorised(role);
    Authorisation a =
        step(
            "HOLDER authorises " + role,
            () -> dossier(Role.HOLDER).access().authorise(holder(), pro(role)));
    cleanup(
        () -> {
          dossier(Role.HOLDER).access().revoke(a.id());
          return null;
        });
    return a;
  }

  /** Blocks {@code role} for this check only (CON-2). */
  void blockForCheck(Role role) {
    step(
        "HOLDER blocks " + role,
        () -> {
          dossier(Role.HOLDER).access().block(holder(), pro(role));
          return null;
        });
    cleanup(() -> dossier(Role.HOLDER).access().unblock(holder(), pro(role)));
  }
}
