package io.mes4j.conformance.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every check of the kit, in the order they run (the control-plane ones last). */
public final class Catalogue {
  private Catalogue() {}

  /** All checks. */
  public static List<Check> checks() {
    List<Check> all = new ArrayList<>();
    all.addAll(WireChecks.all());
    all.addAll(SpaceChecks.all());
    all.addAll(DocumentChecks.all());
    all.addAll(ConsentChecks.all());
    all.addAll(ProfileChecks.all());
    all.addAll(AuditChecks.all());
    all.addAll(MessagingChecks.all());
    all.addAll(AgendaChecks.all());
    all.addAll(CatalogueChecks.all());
    all.addAll(ClockChecks.all());
    Set<String> ids = new HashSet<>();
    for (Check c : all) {
      if (!ids.add(c.id())) {
        throw new IllegalStateException("two checks are named " + c.id());
      }
    }
    return List.copyOf(all);
  }
}
