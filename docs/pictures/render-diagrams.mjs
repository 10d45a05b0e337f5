// Renders every processes/*.bpmn with the bpmn-js viewer to docs/images/<name>.svg and <name>.png.
// Fails (exit code 1) when a diagram does not import cleanly: bpmn-js warnings count as failures.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBrowser } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const processes = join(here, '../../processes');
const images = join(here, '../images');
const viewer = join(here, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js');
const padding = 20;

export async function renderDiagrams() {
  mkdirSync(images, { recursive: true });
  const files = readdirSync(processes).filter((file) => file.endsWith('.bpmn')).sort();
  if (files.length === 0) throw new Error(`no .bpmn files in ${processes}`);
  removeStaleImages(files.map((file) => basename(file, '.bpmn')));
  await withBrowser(async (browser) => {
    const page = await browser.newPage({ deviceScaleFactor: 1.5 });
    for (const file of files) {
      const name = basename(file, '.bpmn');
      const svg = await toSvg(page, readFileSync(join(processes, file), 'utf8'), file);
      writeFileSync(join(images, `${name}.svg`), svg);
      await toPng(page, svg, join(images, `${name}.png`));
      console.log(`diagram  ${file} -> docs/images/${name}.svg, .png`);
    }
  });
}

// the pictures of a diagram that is no longer in processes/
function removeStaleImages(names) {
  for (const svg of readdirSync(images).filter((file) => file.endsWith('.svg'))) {
    const name = basename(svg, '.svg');
    if (!names.includes(name)) {
      rmSync(join(images, svg));
      rmSync(join(images, `${name}.png`), { force: true });
    }
  }
}

async function toSvg(page, xml, file) {
  await page.setContent('<div id="canvas" style="width:1600px;height:1000px"></div>');
  await page.addScriptTag({ path: viewer });
  const result = await page.evaluate(async (xml) => {
    const bpmn = new window.BpmnJS({ container: '#canvas' });
    try {
      const { warnings } = await bpmn.importXML(xml);
      const shapes = bpmn.get('elementRegistry').filter((element) => !element.waypoints && element.parent).length;
      const { svg } = await bpmn.saveSVG();
      return { warnings: warnings.map((warning) => warning.message), shapes, svg };
    } catch (error) {
      return { warnings: [error.message], shapes: 0 };
    }
  }, xml);
  if (result.warnings.length > 0) {
    throw new Error(`${file} did not import cleanly:\n  ${result.warnings.join('\n  ')}`);
  }
  if (result.shapes === 0) throw new Error(`${file} has no diagram (no shapes to draw)`);
  return stableMarkerIds(result.svg);
}

// bpmn-js names the arrowhead markers at random; numbered instead, a regenerated SVG differs only where the diagram does
function stableMarkerIds(svg) {
  const ids = [...svg.matchAll(/<marker id="([^"]+)"/g)].map((match) => match[1]);
  return ids.reduce((text, id, index) => text.replaceAll(id, `arrow-${index + 1}`), svg);
}

// the SVG drawn alone on a white page, at its own size plus a margin, and photographed
async function toPng(page, svg, target) {
  const element = svg.slice(svg.indexOf('<svg'));
  await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:#fff">
    <div id="diagram" style="display:inline-block;padding:${padding}px;background:#fff">${element}</div></body></html>`);
  await page.locator('#diagram').screenshot({ path: target });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  renderDiagrams().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
