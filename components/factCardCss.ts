export const factCardCss = `
:host { all: initial; }
.theme { --bg: #ffffff; --fg: #14171f; --muted: #56607a; --line: #d6dcea; --accent: #1d4ed8; --warn: #a23b00; }
.theme[data-theme="dark"] { --bg: #151b2b; --fg: #e8ecf6; --muted: #a3adc6; --line: #33405e; --accent: #8fb3ff; --warn: #ffb37a; }
.card { position: fixed; z-index: 2147483646; box-sizing: border-box; max-height: min(480px, 70vh); overflow: auto;
  padding: 12px 14px; border-radius: 12px; border: 1px solid var(--line); background: var(--bg); color: var(--fg);
  box-shadow: 0 10px 30px rgba(0,0,0,.35); font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid var(--accent); }
header { display: flex; align-items: start; justify-content: space-between; gap: 8px; }
h2 { margin: 0 0 6px; font-size: 15px; }
h3 { margin: 10px 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.close { all: unset; cursor: pointer; font-size: 20px; line-height: 1; padding: 0 4px; color: var(--muted); border-radius: 4px; }
.close:focus-visible { outline: 2px solid var(--accent); }
dl { margin: 6px 0 0; display: grid; gap: 3px; }
.fact { display: grid; grid-template-columns: 118px 1fr; gap: 8px; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
.uncertain { color: var(--warn); font-weight: 700; cursor: help; }
.unknown { color: var(--muted); font-style: italic; }
.why p { margin: 0; }
.correction { margin: 4px 0 6px; padding: 8px 10px; border-radius: 8px; border-left: 3px solid var(--warn); background: color-mix(in srgb, var(--warn) 10%, transparent); }
.correction h3 { margin-top: 0; color: var(--warn); }
.correction p { margin: 0 0 4px; }
ul { margin: 0; padding-left: 18px; }
.sources a { color: var(--accent); overflow-wrap: anywhere; }
.sources .path { opacity: .7; }
.ff-source-text { color: var(--muted); overflow-wrap: anywhere; }
.uncertain-notes li { color: var(--muted); }
.actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 2px 0 8px; }
.actions button { font: inherit; font-size: 12px; padding: 3px 10px; border-radius: 999px; cursor: pointer;
  border: 1px solid var(--accent); background: var(--accent); color: var(--bg); }
.actions button[aria-pressed="true"], .actions button.quiet { background: transparent; color: var(--accent); }
.actions button.quiet { border-color: var(--line); color: var(--muted); }
.actions button:disabled { opacity: .6; cursor: default; }
.actions button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.error { flex-basis: 100%; margin: 0; color: var(--warn); font-size: 12px; }
.asof { margin: 10px 0 0; color: var(--muted); font-size: 12px; }
`;
