/**
 * Full-page DOM capture, html2canvas against other DOM renderers, on the same pages in headless
 * Chromium. Each run renders the whole document and encodes it as a PNG data URL (what Mayday
 * sends); each result is also checked for size and a few probe pixels, so a fast but wrong
 * renderer does not win. Prints a Markdown table for docs/performance.md.
 *
 *   npx wxt build   # html2canvas is timed as shipped: .output/chrome-mv3/dom-capture.js
 *   npm install --prefix /tmp/bench-renderers modern-screenshot@4.7.0 html-to-image@1.11.13
 *   npx tsx bench/dom-capture.ts [runs=7]
 *
 * BENCH_RENDERERS_DIR points at another node_modules holding the alternatives.
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from '../test/support/chromium';
import { serveFolder } from '../test/support/static-server';

const RUNS = Number(process.argv[2] ?? 7);
const ROOT = resolve(import.meta.dirname, '..');
const ALT = process.env.BENCH_RENDERERS_DIR ?? '/tmp/bench-renderers/node_modules';

/** A long intranet table: about 5,000 elements, a password field, a green footer at the very end. */
function tablePage(rows = 450): string {
  const cells = (i: number) =>
    `<td>${i}</td><td>INV-${10000 + i}</td><td>Client ${i % 37}</td><td>2026-11-${String((i % 28) + 1).padStart(2, '0')}</td>` +
    `<td class="n">${(i * 37.5).toFixed(2)}</td><td><span class="tag">${i % 3 ? 'paid' : 'due'}</span></td><td><a href="#r${i}">open</a></td><td>${'-'.repeat(i % 5)}</td>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Bench 5000</title><style>
    body { margin: 0; font: 14px/20px sans-serif; background: #fff; }
    header { height: 80px; background: rgb(30, 58, 138); color: #fff; }
    table { border-collapse: collapse; width: 100%; } td { border-bottom: 1px solid #ddd; padding: 3px 6px; }
    tr:nth-child(even) { background: #f4f6fa; } .n { text-align: right; }
    .tag { border-radius: 8px; padding: 0 6px; background: #e0e7ff; box-shadow: 0 1px 2px rgba(0,0,0,.2); }
    footer { height: 60px; background: rgb(0, 200, 0); }
  </style></head><body><header>Intranet</header>
    <form><label>Password <input type="password" value="hunter2"></label></form>
    <table>${Array.from({ length: rows }, (_, i) => `<tr>${cells(i)}</tr>`).join('')}</table><footer></footer></body></html>`;
}

/** The same count of elements, packed: a grid of 1,000 small tiles, about 4,000 px tall. */
function gridPage(tiles = 1000): string {
  const tile = (i: number) =>
    `<div class="t"><b>#${i}</b><span>${i % 7 ? 'ok' : 'late'}</span><i></i><em>${(i * 1.7).toFixed(1)}</em></div>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Bench grid</title><style>
    body { margin: 0; font: 12px/16px sans-serif; background: #fff; }
    header { height: 80px; background: rgb(30, 58, 138); }
    main { display: grid; grid-template-columns: repeat(10, 1fr); gap: 4px; padding: 4px; }
    .t { height: 32px; border: 1px solid #cbd5e1; border-radius: 4px; background: linear-gradient(#fff, #eef2ff); }
    .t i { display: inline-block; width: 8px; height: 8px; border-radius: 50%; background: #16a34a; }
    footer { height: 60px; background: rgb(0, 200, 0); }
  </style></head><body><header></header><main>${Array.from({ length: tiles }, (_, i) => tile(i)).join('')}</main><footer></footer></body></html>`;
}

interface Renderer {
  name: string;
  script: string;
  /** Runs in the page: renders the whole document, returns a PNG data URL. */
  render: string;
}

const RENDERERS: Renderer[] = [
  {
    name: 'html2canvas 1.4.1 (dom-capture.js as shipped: masking + PNG)',
    script: resolve(ROOT, '.output/chrome-mv3/dom-capture.js'),
    render: `__maydayDomCapture.render({ target: 'page' }).then((r) => r.dataUrl)`,
  },
  {
    name: 'modern-screenshot 4.7.0 (domToPng)',
    script: resolve(ALT, 'modern-screenshot/dist/index.js'),
    render: `modernScreenshot.domToPng(document.documentElement, { scale: 1, width: innerWidth, height: document.documentElement.scrollHeight })`,
  },
  {
    name: 'html-to-image 1.11.13 (toPng)',
    script: resolve(ALT, 'html-to-image/dist/html-to-image.js'),
    render: `htmlToImage.toPng(document.documentElement, { pixelRatio: 1, width: innerWidth, height: document.documentElement.scrollHeight })`,
  },
];

interface Probe {
  y: (height: number) => number;
  rgb: [number, number, number];
}
const PAGES: { name: string; path: string; probes: Probe[] }[] = [
  {
    name: '5,000-element table',
    path: '/bench-5000.html',
    probes: [
      { y: () => 40, rgb: [30, 58, 138] },
      { y: (h) => h - 30, rgb: [0, 200, 0] },
    ],
  },
  {
    name: '5,000-element grid',
    path: '/bench-grid.html',
    probes: [
      { y: () => 40, rgb: [30, 58, 138] },
      { y: (h) => h - 30, rgb: [0, 200, 0] },
    ],
  },
  {
    name: 'tall fixture (4,000 px)',
    path: '/screenshot-tall.html',
    probes: [
      { y: () => 50, rgb: [255, 0, 0] },
      { y: () => 2000, rgb: [0, 0, 255] },
      { y: () => 3950, rgb: [0, 255, 0] },
    ],
  },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** How long the PNG encoding alone takes for this image: a cost every renderer pays. */
async function encodeMs(page: Page, dataUrl: string): Promise<number> {
  return page.evaluate(async (dataUrl) => {
    const img = new Image();
    img.src = dataUrl;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    canvas.getContext('2d')!.drawImage(img, 0, 0);
    const started = performance.now();
    canvas.toDataURL('image/png');
    return performance.now() - started;
  }, dataUrl);
}

/** Decodes the result in the page and reads its size and the pixels at x 640 of rows `ys`. */
async function check(page: Page, dataUrl: string, ys: number[]) {
  return page.evaluate(
    async ({ dataUrl, ys }) => {
      const bitmap = await createImageBitmap(await (await fetch(dataUrl)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const pixels: number[][] = [];
      for (const y of ys) pixels.push([...ctx.getImageData(640, y, 1, 1).data].slice(0, 3));
      return { width: bitmap.width, height: bitmap.height, pixels };
    },
    { dataUrl, ys },
  );
}

interface Lane {
  renderer: Renderer;
  page: Page;
  elements: number;
  docSize: number[];
  times: number[];
  dataUrl: string;
}

async function openLane(browser: Browser, url: string, renderer: Renderer): Promise<Lane> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(url);
  // A font arriving late re-lays the page out: measure and render only once they are all in.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const elements = await page.evaluate(() => document.querySelectorAll('*').length);
  const docSize = await page.evaluate(() => [innerWidth, document.documentElement.scrollHeight]);
  await page.addScriptTag({ path: renderer.script });
  return { renderer, page, elements, docSize, times: [], dataUrl: '' };
}

async function runOnce(lane: Lane): Promise<number> {
  await lane.page.bringToFront();
  const { ms, url } = await lane.page.evaluate(async (code) => {
    const started = performance.now();
    const url = (await (0, eval)(code)) as string;
    return { ms: performance.now() - started, url };
  }, lane.renderer.render);
  lane.dataUrl = url;
  return ms;
}

async function main() {
  const site = await serveFolder(resolve(ROOT, 'test/fixtures'), [
    (req, res) =>
      req.url === '/bench-5000.html' && (res.writeHead(200, { 'Content-Type': 'text/html' }).end(tablePage()), true),
    (req, res) =>
      req.url === '/bench-grid.html' && (res.writeHead(200, { 'Content-Type': 'text/html' }).end(gridPage()), true),
  ]);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--disable-gpu', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
  const loadBefore = loadavg()[0];
  const rows: string[] = [];
  try {
    for (const target of PAGES) {
      const lanes: Lane[] = [];
      for (const renderer of RENDERERS) {
        if (existsSync(renderer.script)) lanes.push(await openLane(browser, `${site.url}${target.path}`, renderer));
        else console.error(`skipped ${renderer.name}: ${renderer.script} missing`);
      }
      // Renderers take turns, in a rotating order, so a burst of load elsewhere on the machine
      // falls on all of them alike. Round 0 warms caches and the JIT and is not counted.
      for (let round = 0; round <= RUNS; round++) {
        for (let i = 0; i < lanes.length; i++) {
          const lane = lanes[(i + round) % lanes.length];
          const ms = await runOnce(lane);
          if (round > 0) lane.times.push(ms);
        }
      }
      for (const { renderer, page, elements, docSize, times, dataUrl } of lanes) {
        const got = await check(
          page,
          dataUrl,
          target.probes.map((p) => p.y(docSize[1])),
        );
        const encoding = await encodeMs(page, dataUrl);
        const sizeOk = got.width === docSize[0] && got.height === docSize[1];
        const probesOk = got.pixels.every((px, i) => px.every((v, j) => Math.abs(v - target.probes[i].rgb[j]) <= 2));
        rows.push(
          `| ${target.name} (${elements} elements) | ${renderer.name} | ${Math.round(median(times))} | ${Math.round(Math.min(...times))}–${Math.round(Math.max(...times))} | ${Math.round(encoding)} | ` +
            `${got.width}×${got.height}${sizeOk ? '' : ` (WRONG: page is ${docSize.join('×')})`} | ${probesOk ? 'yes' : `no: ${JSON.stringify(got.pixels)}`} | ${Math.round((dataUrl.length * 3) / 4 / 1024)} |`,
        );
        console.error(rows.at(-1));
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  console.log(
    `Runs per cell: ${RUNS}, interleaved, after one warm-up round; headless Chromium ${browser.version()}, 1280×720 viewport, device pixel ratio 1.`,
  );
  console.log(
    `Machine: ${cpus().length} cores, load average ${loadBefore.toFixed(1)} before and ${loadavg()[0].toFixed(1)} after.\n`,
  );
  console.log(
    '| page | renderer | median ms | min–max ms | of which PNG encoding ms | output px | content right | PNG KB |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | --- | --- | ---: |');
  for (const row of rows) console.log(row);
}

await main();
