/**
 * report.html's only stylesheet. Its hash is in the page's CSP, so nothing else can style or
 * script the page; change the CSS and the unit test prints the new REPORT_STYLE_HASH.
 * Level filters are plain checkboxes read by :has(): they work with scripts off.
 */
export const REPORT_CSS = `
:root{color-scheme:light;--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--err:#b42318;--err-bg:#fef3f2;--warn:#93590b;--warn-bg:#fffaeb;--info:#175cd3;--accent:#c2410c}
*{box-sizing:border-box}
body{margin:0;background:#eef1f4;color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:72rem;margin:0 auto;padding:1rem}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:1rem 1.25rem;margin:0 0 1rem}
h1{font-size:1.2rem;margin:0 0 .5rem}
h2{font-size:1.05rem;margin:0 0 .75rem}
h3{font-size:.95rem;margin:1rem 0 .35rem}
nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0 0 1rem;font-size:.9rem}
nav a{color:var(--info)}
.kicker{color:var(--muted);font-size:.85rem;margin-bottom:.35rem}
.kicker b{color:var(--accent)}
.desc{margin:0 0 1rem;padding:.6rem .9rem;border-left:4px solid var(--accent);background:var(--soft);font-size:1.05rem;white-space:pre-wrap;overflow-wrap:anywhere}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0 0 1rem}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.url,.mono,pre,code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
.url{overflow-wrap:anywhere}
ul.counts{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:0 0 .5rem}
ul.counts li{border:1px solid var(--line);border-radius:6px;padding:.3rem .7rem;min-width:7rem}
ul.counts b{display:block;font-size:1.3rem}
ul.counts .hot{border-color:var(--err);background:var(--err-bg);color:var(--err)}
ol.top{margin:0;padding-left:1.4rem}
ol.top li{overflow-wrap:anywhere}
.notes{margin:.75rem 0 0;padding:.5rem .75rem;background:var(--warn-bg);border-radius:6px;color:var(--warn)}
.notes p{margin:.15rem 0}
.muted{color:var(--muted)}
.badge{display:inline-block;border-radius:4px;padding:0 .35rem;font-size:.75rem;font-weight:600;background:var(--soft);border:1px solid var(--line)}
.by-page{font-weight:400;font-style:italic;color:var(--warn);background:var(--warn-bg)}
.origin{color:var(--muted);font-size:.85rem;margin:0 0 .5rem}
.times{font-weight:600;color:var(--err)}
figure{margin:0}
figure img{display:block;max-width:100%;height:auto;border:1px solid var(--line);border-radius:4px}
figcaption{color:var(--muted);font-size:.85rem;margin-top:.35rem}
.filters{display:flex;flex-wrap:wrap;gap:.25rem .9rem;align-items:center;margin:0 0 .6rem}
.filters label{cursor:pointer;margin-right:.25rem}
ol.console,ol.timeline{list-style:none;margin:0;padding:0}
ol.console li{display:grid;grid-template-columns:6.5rem 3.5rem 1fr;gap:.1rem .6rem;padding:.35rem .4rem;border-top:1px solid var(--line)}
ol.console li>.body{min-width:0}
ol.console pre,ol.timeline pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
li.lv-error{background:var(--err-bg)}
li.lv-error .lv{color:var(--err)}
li.lv-warn{background:var(--warn-bg)}
li.lv-warn .lv{color:var(--warn)}
li.lv-info .lv{color:var(--info)}
.src{color:var(--muted);font-size:.8rem;overflow-wrap:anywhere}
details{margin-top:.2rem}
summary{cursor:pointer;color:var(--muted);font-size:.85rem}
details pre{background:var(--soft);padding:.4rem;border-radius:4px}
#console:has(#f-error:not(:checked)) .lv-error,#console:has(#f-warn:not(:checked)) .lv-warn,#console:has(#f-info:not(:checked)) .lv-info,#console:has(#f-log:not(:checked)) .lv-log,#console:has(#f-debug:not(:checked)) .lv-debug{display:none}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-top:1px solid var(--line);overflow-wrap:anywhere}
thead th{border-top:0;color:var(--muted);font-weight:600}
table.env th{width:14rem;color:var(--muted);font-weight:400}
ol.timeline li{display:grid;grid-template-columns:6.5rem 9rem 1fr;gap:.6rem;padding:.3rem .4rem;border-top:1px solid var(--line)}
ol.timeline .tl-error{color:var(--err)}
ol.timeline .tl-request{color:var(--warn)}
.more{color:var(--muted);font-style:italic;margin:.5rem 0 0}
footer{color:var(--muted);font-size:.8rem;text-align:center;padding:.5rem 0 1.5rem}
@media print{
 html{font-size:12px}
 body{background:#fff;font-size:11px}
 main{max-width:none;padding:0}
 nav,.filters{display:none}
 section{border:0;padding:0;margin:0 0 1rem;break-inside:auto}
 ol.console li,ol.timeline li,tr{break-inside:avoid}
 figure img{max-height:60vh;width:auto}
 details::details-content{content-visibility:visible;display:block}
 *{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
`;

/** CSP hash of REPORT_CSS (a unit test recomputes it). */
export const REPORT_STYLE_HASH = 'sha256-H7aMudF3hoI8sddCxmlI4BDNsC48u08XFDANa4rVuhA=';

/** The page may load images from data: URLs and its one stylesheet, nothing else, ever. */
export const REPORT_CSP = `default-src 'none'; img-src data:; style-src '${REPORT_STYLE_HASH}'; base-uri 'none'; form-action 'none'`;
