package io.mes4j.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.MesClient;
import io.mes4j.core.error.HolderOnlyException;
import io.mes4j.core.error.InvalidRequestException;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.junit.Identity;
import io.mes4j.mockserver.junit.MesMockServer;
import io.mes4j.mockserver.support.EmittedFhir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The prevention calendar through the SDK (AG-3), checked against the data file read here on its
 * own: a newborn (the fixture minor, born 2015-06-20, five days after birth on this server's
 * clock), the same child at 12, and adults of each sex.
 */
@MesMockServer(clock = "2015-06-25T09:00:00Z")
class PreventionCalendarTest {
  private static final Path DATA =
      Path.of("../mock-server/src/main/resources/io/mes4j/mockserver/prevention-calendar.csv");
  private static final LocalDate MINOR_BORN = LocalDate.of(2015, 6, 20);
  private static final LocalDate ADULT_BORN = LocalDate.of(1980, 1, 15);
  private static final LocalDate PARENT_BORN = LocalDate.of(1985, 3, 10);
  private static EmittedFhir emitted;

  /** A line of the data file, as this test reads it. */
  private record Line(
      String id, String kind, String label, String sex, Period min, Period max, String source) {}

  @BeforeAll
  static void recordWhatTheServerEmits(MockServer server) {
    emitted = EmittedFhir.record(server);
  }

  @AfterAll
  static void everyResourceTheServerEmitted_isValidFhirR4() {
    emitted.assertAllValid();
  }

  private static List<Line> dataFile() throws IOException {
    List<Line> lines = new ArrayList<>();
    boolean header = true;
    for (String raw : Files.readAllLines(DATA, StandardCharsets.UTF_8)) {
      if (raw.isBlank() || raw.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      String[] c = raw.split(";", -1);
      lines.add(
          new Line(
              c[0],
              c[1],
              c[2],
              c[3],
              Period.parse(c[4]),
              c[5].isBlank() ? null : Period.parse(c[5]),
              c[7]));
    }
    return lines;
  }

  /** What the calendar must hold for a person: lines for their sex, due date first. */
  private static List<Line> expected(String sex, LocalDate born) throws IOException {
    return dataFile().stream()
        .filter(l -> l.sex().equals("any") || l.sex().equals(sex))
        .sorted(Comparator.comparing((Line l) -> born.plus(l.min())))
        .toList();
  }

  private static void assertMatches(
      List<PreventionItem> calendar, List<Line> expected, LocalDate born) {
    assertThat(calendar)
        .extracting(PreventionItem::key)
        .containsExactlyInAnyOrderElementsOf(expected.stream().map(Line::id).toList());
    assertThat(calendar).extracting(PreventionItem::due).isSorted();
    for (Line line : expected) {
      PreventionItem item =
          calendar.stream().filter(i -> i.key().equals(line.id())).findFirst().orElseThrow();
      assertThat(item.label()).isEqualTo(line.label());
      assertThat(item.source()).isEqualTo(line.source());
      assertThat(item.kind().code()).isEqualTo(line.kind());
      assertThat(item.due()).as(line.id()).isEqualTo(born.plus(line.min()));
      assertThat(item.until().orElse(null))
          .as(line.id())
          .isEqualTo(line.max() == null ? null : born.plus(line.max()));
      assertThat(born.plus(item.fromAge())).as(line.id()).isEqualTo(born.plus(line.min()));
    }
  }

  @Test
  void newborn_calendarIsTheDataFile_allToPlanButTheFirstExamOnlyAfterItsWindow(
      @Identity(Fixtures.Ids.PARENT) MesClient parent) throws IOException {
    // AG-3
    // WHEN the parent reads the five-day-old's calendar
    List<PreventionItem> calendar = Agenda.of(parent).prevention().calendar(Fixtures.MINOR);

    // THEN it is the data file's lines for a boy, dated from the birth date, all to plan
    assertMatches(calendar, expected("M", MINOR_BORN), MINOR_BORN);
    assertThat(calendar).extracting(PreventionItem::status).containsOnly(PreventionStatus.TO_PLAN);
    assertThat(calendar.get(0).kind()).isEqualTo(PreventionKind.CHILD_EXAM);
    assertThat(calendar).filteredOn(i -> i.kind() == PreventionKind.CHILD_EXAM).hasSize(20);
    assertThat(calendar).noneMatch(i -> i.key().startsWith("scr-col-uterus"));
  }

  @Test
  void twelveYearOld_whatWasDueBeforeIsNotSpecified_theRestToPlan(
      @Identity(Fixtures.Ids.PARENT) MesClient parent, MockServer server) throws IOException {
    // AG-3
    // GIVEN the child at 12
    server.control().setClock(Instant.parse("2027-07-01T09:00:00Z"));
    LocalDate today = LocalDate.of(2027, 7, 1);

    // WHEN the parent reads the calendar
    List<PreventionItem> calendar = Agenda.of(parent).prevention().calendar(Fixtures.MINOR);

    // THEN the same lines; those whose window ended are NOT_SPECIFIED, the others TO_PLAN
    assertMatches(calendar, expected("M", MINOR_BORN), MINOR_BORN);
    for (PreventionItem item : calendar) {
      boolean ended = item.until().map(today::isAfter).orElse(false);
      assertThat(item.status())
          .as(item.key())
          .isEqualTo(ended ? PreventionStatus.NOT_SPECIFIED : PreventionStatus.TO_PLAN);
    }
    assertThat(byKey(calendar, "vac-hpv").status()).isEqualTo(PreventionStatus.TO_PLAN);
    assertThat(byKey(calendar, "vac-ror-1").status()).isEqualTo(PreventionStatus.NOT_SPECIFIED);
  }

  @Test
  void adults_calendarFollowsTheirSex(
      @Identity(Fixtures.Ids.ADULT) MesClient man, @Identity(Fixtures.Ids.PARENT) MesClient woman)
      throws IOException {
    // AG-3
    // WHEN each adult reads their own calendar
    List<PreventionItem> his = Agenda.of(man).prevention().calendar(Fixtures.ADULT);
    List<PreventionItem> hers = Agenda.of(woman).prevention().calendar(Fixtures.PARENT);

    // THEN each is the data file's lines for their sex; the screenings of women are hers only
    assertMatches(his, expected("M", ADULT_BORN), ADULT_BORN);
    assertMatches(hers, expected("F", PARENT_BORN), PARENT_BORN);
    assertThat(hers).extracting(PreventionItem::key).contains("scr-col-uterus", "scr-sein");
    assertThat(his).extracting(PreventionItem::key).doesNotContain("scr-col-uterus", "scr-sein");
    PreventionItem flu = byKey(his, "vac-grippe");
    assertThat(flu.repeatEvery()).contains(Period.ofYears(1));
    assertThat(flu.until()).isEmpty();
  }

  @Test
  void holder_recordsWhatWasDone(
      @Identity(Fixtures.Ids.PARENT) MesClient parent, MockServer server) {
    // AG-3
    // GIVEN the child at three months
    server.control().setClock(Instant.parse("2015-09-25T09:00:00Z"));
    PreventionCalendar prevention = Agenda.of(parent).prevention();
    List<PreventionItem> calendar = prevention.calendar(Fixtures.MINOR);
    PreventionItem firstDose = byKey(calendar, "vac-dtcaphibhepb-1");
    PreventionItem exam = byKey(calendar, "exam-05");

    // WHEN the parent records the first dose done on a date, and an exam not done
    PreventionItem done =
        prevention.record(firstDose.id(), PreventionStatus.DONE, LocalDate.of(2015, 8, 21));
    prevention.record(exam.id(), PreventionStatus.NOT_DONE);

    // THEN the calendar says so; the other items are unchanged; the change is traced
    List<PreventionItem> after = prevention.calendar(Fixtures.MINOR);
    assertThat(done.status()).isEqualTo(PreventionStatus.DONE);
    assertThat(byKey(after, "vac-dtcaphibhepb-1").date()).contains(LocalDate.of(2015, 8, 21));
    assertThat(byKey(after, "vac-dtcaphibhepb-1").status()).isEqualTo(PreventionStatus.DONE);
    assertThat(byKey(after, "exam-05").status()).isEqualTo(PreventionStatus.NOT_DONE);
    assertThat(byKey(after, "vac-ror-1").status()).isEqualTo(PreventionStatus.TO_PLAN);
    assertThat(
            RawHttp.traceCodes(
                server,
                server.control().token(Fixtures.PARENT),
                Fixtures.MINOR.system().uri(),
                Fixtures.Ids.MINOR))
        .contains("PREVENTION_RECORD:0", "PREVENTION_READ:0");
  }

  @Test
  void badRecords_areAClear4xx_andChangeNothing(
      @Identity(Fixtures.Ids.PARENT) MesClient parent,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      MockServer server) {
    // AG-3
    // GIVEN an item of the newborn's calendar
    PreventionCalendar prevention = Agenda.of(parent).prevention();
    PreventionItem item = byKey(prevention.calendar(Fixtures.MINOR), "exam-01");
    String token = server.control().token(Fixtures.PARENT);

    // WHEN it is recorded done in the future, with an unknown status, with a date and TO_PLAN,
    // or by a professional
    RawHttp.Answer unknown =
        RawHttp.json(
            server,
            token,
            "PUT",
            "/fhir/Task/" + item.id(),
            "{\"resourceType\":\"Task\",\"status\":\"requested\",\"intent\":\"plan\","
                + "\"businessStatus\":{\"coding\":[{\"system\":\"https://mes4j.io/fhir/CodeSystem/"
                + "prevention-status\",\"code\":\"MAYBE\"}]}}");

    // THEN each is refused and the item is still to plan
    assertThatThrownBy(
            () -> prevention.record(item.id(), PreventionStatus.DONE, LocalDate.of(2016, 1, 1)))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(
            () -> prevention.record(item.id(), PreventionStatus.TO_PLAN, LocalDate.of(2015, 6, 22)))
        .isInstanceOf(InvalidValueException.class);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.cause()).isEqualTo("unknown-code");
    assertThatThrownBy(
            () -> Agenda.of(doctor).prevention().record(item.id(), PreventionStatus.DONE))
        .isInstanceOf(HolderOnlyException.class);
    assertThatThrownBy(() -> Agenda.of(doctor).prevention().calendar(Fixtures.MINOR))
        .isInstanceOf(HolderOnlyException.class);
    assertThat(byKey(prevention.calendar(Fixtures.MINOR), "exam-01").status())
        .isEqualTo(PreventionStatus.TO_PLAN);
  }

  private static PreventionItem byKey(List<PreventionItem> calendar, String key) {
    return calendar.stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow();
  }
}
