import { SafeHtml } from './html.js';

/**
 * The HTML report's one stylesheet, inlined in the page (the Content-Security-Policy allows inline styles and
 * nothing else): system fonts only, no image, no url(). Colour says the status, and a word always says it too,
 * so the page also reads in print and in black and white.
 */
export const HTML_REPORT_STYLE = new SafeHtml(`
:root {
  --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --bg: #ffffff; --soft: #f6f8fa;
  --passed: #1a7f37; --failed: #cf222e; --errored: #bc4c00; --skipped: #6e7781; --warn: #9a6700; --known: #8250df;
  --add-bg: #dafbe1; --add-fg: #116329; --del-bg: #ffebe9; --del-fg: #a40e26; --hunk: #0550ae;
  --warn-bg: #fff8c5; --warn-border: #d4a72c;
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 76rem; padding: 1.5rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 13px; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); border: 1px solid var(--border); border-radius: 6px; padding: .5rem .75rem; margin: .4rem 0; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h1 .sub { font-weight: normal; color: var(--muted); }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--border); }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
a { color: var(--hunk); }
header dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0; }
header dt { color: var(--muted); }
header dd { margin: 0; overflow-wrap: anywhere; }
.summary { margin-top: 1rem; padding: 1rem; border: 1px solid var(--border); border-left: 6px solid var(--passed); border-radius: 6px; }
.summary.verdict-failed { border-left-color: var(--failed); }
.summary.verdict-passed.hollow { border-left-color: var(--warn-border); }
.summary.verdict-nothing-checked, .summary.verdict-not-tested { border-left-color: var(--warn-border); }
.verdict { font-size: 1.4rem; font-weight: bold; margin: 0; }
.verdict-failed .verdict { color: var(--failed); }
.verdict-passed .verdict { color: var(--passed); }
.counts { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
.counts .n { font-weight: bold; font-size: 1.1rem; }
.counts .passed .n { color: var(--passed); }
.counts .failed .n { color: var(--failed); }
.counts .errored .n { color: var(--errored); }
.counts .skipped .n { color: var(--skipped); }
.counts .warnings .n { color: var(--warn); }
.counts .known .n { color: var(--known); }
.notice { margin: .75rem 0 0; padding: .5rem .75rem; background: var(--warn-bg); border: 1px solid var(--warn-border); border-radius: 6px; }
.notice h3 { margin: 0 0 .25rem; }
.notice ul { margin: 0; padding-left: 1.25rem; }
.attention { margin: .75rem 0 0; padding-left: 1.25rem; }
.module-counts { font-weight: normal; font-size: .9rem; color: var(--muted); }
details { margin: .35rem 0; }
summary { cursor: pointer; }
.case { border: 1px solid var(--border); border-left: 4px solid var(--skipped); border-radius: 6px; }
.case > summary { padding: .35rem .6rem; }
.case[open] > summary { border-bottom: 1px solid var(--border); background: var(--soft); }
.case.status-passed { border-left-color: var(--passed); }
.case.status-failed { border-left-color: var(--failed); }
.case.status-errored { border-left-color: var(--errored); }
.case.status-known-failure { border-left-color: var(--known); }
.case-body { padding: .25rem .75rem .75rem; }
.case-id { font-weight: bold; }
.case-meta, .muted { color: var(--muted); font-size: .9rem; }
.badge { display: inline-block; min-width: 4.5rem; padding: 0 .4rem; border-radius: 1rem; font-size: .8rem; font-weight: bold; text-align: center; color: #fff; background: var(--skipped); }
.badge.status-passed, .badge.finding-pass { background: var(--passed); }
.badge.status-failed, .badge.finding-fail { background: var(--failed); }
.badge.status-errored { background: var(--errored); }
.badge.status-known-failure, .badge.finding-known { background: var(--known); }
.badge.finding-warn, .badge.warnings { background: var(--warn); }
.spec { margin: .5rem 0; }
.reason { margin: .5rem 0; padding: .4rem .6rem; border-radius: 6px; background: var(--soft); }
.reason.errored { background: var(--del-bg); }
.evidence { margin: .75rem 0; }
.finding { margin: .5rem 0 .5rem .5rem; padding-left: .75rem; border-left: 3px solid var(--failed); }
.finding.finding-warn { border-left-color: var(--warn); }
.finding.finding-known { border-left-color: var(--known); }
.finding p { margin: .2rem 0; }
.diff .line, .transcript .line { display: block; }
.diff .legend { color: var(--muted); }
.diff .hunk { color: var(--hunk); font-weight: bold; }
.diff .add { background: var(--add-bg); color: var(--add-fg); }
.diff .del { background: var(--del-bg); color: var(--del-fg); }
.transcript .head { color: var(--muted); }
.transcript .request { color: #0a3069; }
.transcript .response { color: #3d2c00; }
.transcript .none { color: var(--failed); }
.reproduce { margin: .75rem 0; padding: .5rem .75rem; border: 1px dashed var(--border); border-radius: 6px; }
.reproduce p { margin: .2rem 0; }
.exchange { border-left: 3px solid var(--border); padding-left: .5rem; }
.exchange.cited { border-left-color: var(--failed); }
.exchange > summary { overflow-wrap: anywhere; }
.direction { font-size: .8rem; font-weight: bold; color: var(--muted); text-transform: uppercase; }
.passing ul { margin: .25rem 0; padding-left: 1.25rem; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  pre { break-inside: auto; border-color: #999; }
  .case, .finding, .reproduce { break-inside: avoid-page; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  summary { list-style: none; }
}
`);
