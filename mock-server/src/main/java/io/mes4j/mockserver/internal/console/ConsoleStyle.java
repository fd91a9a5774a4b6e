package io.mes4j.mockserver.internal.console;

/** The console's one stylesheet, served at {@code /_mock/console/console.css} (no inline style). */
final class ConsoleStyle {
  private ConsoleStyle() {}

  /** The tab's icon: the header's blue square with a white cross. */
  static final String FAVICON =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\">"
          + "<rect width=\"16\" height=\"16\" rx=\"3\" fill=\"#1f3a5f\"/>"
          + "<path d=\"M6.5 3h3v3.5H13v3H9.5V13h-3V9.5H3v-3h3.5z\" fill=\"#ffffff\"/></svg>";

  static final String CSS =
      """
      * { box-sizing: border-box; }
      body { margin: 0; font: 14px/1.4 "DejaVu Sans", sans-serif; color: #1b1f24; background: #f6f7f9; }
      header { display: flex; align-items: center; gap: 24px; padding: 10px 20px;
        background: #1f3a5f; color: #ffffff; }
      header .brand { font-weight: bold; font-size: 16px; }
      header nav a { color: #ffffff; margin-right: 14px; text-decoration: none; }
      header nav a.current { text-decoration: underline; font-weight: bold; }
      header .now { margin-left: auto; font-family: "DejaVu Sans Mono", monospace; }
      form.filter { margin: 6px 0; }
      form.filter input { width: 140px; }
      main { padding: 12px 20px; }
      h1 { font-size: 20px; margin: 6px 0 12px; }
      h2 { font-size: 16px; margin: 18px 0 6px; border-bottom: 1px solid #c9ced6; }
      table { border-collapse: collapse; background: #ffffff; width: 100%; }
      th, td { border: 1px solid #d7dbe1; padding: 3px 6px; text-align: left; vertical-align: top; }
      th { background: #e8ecf1; }
      #documents td:first-child, #consents td:first-child { font: 12px "DejaVu Sans Mono", monospace;
        word-break: break-all; }
      tr.deleted, tr.inactive { color: #8a9099; }
      tr.refused td { background: #fdecea; }
      dl { display: grid; grid-template-columns: max-content auto; gap: 2px 14px; margin: 0; }
      dt { font-weight: bold; }
      dd { margin: 0; }
      a { color: #0b57d0; }
      .empty, .more { color: #5f6670; font-style: italic; }
      .badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px;
        font-weight: bold; color: #ffffff; background: #6b7280; }
      .state-ACTIVE { background: #2e7d32; }
      .state-PENDING { background: #b26a00; }
      .state-OPPOSED { background: #8e24aa; }
      .state-CLOSED { background: #546e7a; }
      .state-DELETED { background: #c62828; }
      .label-N { background: #6b7280; }
      .label-MASQUE_PS { background: #6a1b9a; }
      .label-INVISIBLE_PATIENT { background: #e65100; }
      .label-INVISIBLE_REPRESENTANTS_LEGAUX { background: #795548; }
      """;
}
