// HTMLStyle: the report's inline style sheet; real and synthetic colours are defined once here.

/// The CSS of the HTML report (no web fonts, no external files).
enum HTMLStyle {
    /// Real-data colour, used by every chart and legend.
    static let real = "#3866a3"
    /// Synthetic-data colour.
    static let synthetic = "#d9822b"

    static let css = """
    :root { --real: \(real); --syn: \(synthetic); --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb;
      --bg: #f7f8fa; --card: #ffffff; --good: #2f8f5b; --fair: #b7791f; --weak: #c0392b; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: var(--bg); color: var(--ink);
      font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
    main { max-width: 1120px; margin: 0 auto; padding: 28px 20px 60px; }
    header h1 { font-size: 26px; margin: 0 0 4px; font-weight: 650; letter-spacing: -0.01em; }
    header p { margin: 0; color: var(--muted); }
    h2 { font-size: 19px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); font-weight: 620; }
    h3 { font-size: 15px; margin: 18px 0 8px; font-weight: 600; }
    p.lead { color: var(--muted); margin: 4px 0 12px; max-width: 70ch; }
    .legend { display: inline-flex; gap: 16px; font-size: 13px; color: var(--muted); margin: 6px 0 10px; }
    .legend span::before { content: ""; display: inline-block; width: 11px; height: 11px; border-radius: 2px;
      margin-right: 6px; vertical-align: -1px; background: currentColor; }
    .legend .r { color: var(--real); } .legend .s { color: var(--syn); }
    .legend .r, .legend .s { font-weight: 600; }
    .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin-top: 18px; }
    .tile { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
    .tile .label { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
    .tile .value { font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; margin-top: 2px; }
    .tile .sub { font-size: 12.5px; color: var(--muted); }
    .good { color: var(--good); } .fair { color: var(--fair); } .weak { color: var(--weak); } .none { color: var(--muted); }
    .verdict { margin-top: 14px; background: var(--card); border: 1px solid var(--line); border-left: 4px solid var(--muted);
      border-radius: 6px; padding: 10px 14px; }
    .verdict.good { border-left-color: var(--good); } .verdict.fair { border-left-color: var(--fair); }
    .verdict.weak { border-left-color: var(--weak); } .verdict { color: var(--ink); }
    .verdict strong.good, .verdict strong.fair, .verdict strong.weak { font-weight: 650; }
    table { border-collapse: collapse; width: 100%; background: var(--card); border: 1px solid var(--line);
      border-radius: 8px; overflow: hidden; font-size: 14px; }
    th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: middle; }
    th { background: #f0f2f5; font-weight: 600; font-size: 13px; color: var(--muted); }
    tr:last-child td { border-bottom: none; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.name { word-break: break-word; }
    .bar { position: relative; height: 8px; width: 110px; background: #edf0f3; border-radius: 4px; display: inline-block; vertical-align: middle; }
    .bar i { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 4px; background: var(--good); }
    .bar i.fair { background: var(--fair); } .bar i.weak { background: var(--weak); }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 12px; }
    .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px 8px; min-width: 0; }
    .card h3 { margin: 0; font-size: 14px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .card .meta { font-size: 12px; color: var(--muted); display: flex; justify-content: space-between; gap: 8px; }
    .card svg { display: block; width: 100%; height: auto; margin-top: 6px; }
    .heatmaps { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 12px; }
    .heatmaps.stacked { grid-template-columns: minmax(0, 860px); justify-content: center; }
    .heatmaps figure { margin: 0; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px; }
    .heatmaps figcaption { font-weight: 600; font-size: 14px; margin-bottom: 6px; }
    .heatmaps svg { display: block; width: 100%; height: auto; }
    .scale { font-size: 12.5px; color: var(--muted); margin-top: 10px; display: flex; flex-wrap: wrap; align-items: center; gap: 8px 14px; }
    .scale svg { width: 200px; height: auto; }
    dl.prov { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; background: var(--card);
      border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin: 0; }
    dl.prov dt { color: var(--muted); font-size: 13px; }
    dl.prov dd { margin: 0; word-break: break-all; }
    code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
    pre { background: #f0f2f5; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; overflow-x: auto; white-space: pre-wrap; }
    ul.notes { color: var(--muted); font-size: 13.5px; }
    footer { margin-top: 40px; color: var(--muted); font-size: 12.5px; }
    @media (max-width: 600px) { main { padding: 16px 12px 40px; } .tile .value { font-size: 22px; } .bar { width: 60px; } }
    """
}
