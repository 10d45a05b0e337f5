// Starts the packaged desk on its embedded defaults (demo profile, H2, dev mailbox) in a temporary directory,
// walks a request through intake, verification, triage and the entities' answers, and photographs the public page,
// the request page of a request the operator asked a question about,
// the triage and review forms in Tasklist, the access report on a phone, the managers' dashboard and the report
// (with a year of demo history) into
// docs/images/. The desk is stopped at the end, also on failure.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { withBrowser } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '../..');
const images = join(here, '../images');
const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

export async function takeScreenshots() {
  mkdirSync(images, { recursive: true });
  const desk = await startDesk(packagedJar());
  try {
    const reference = await submitRequest(desk.url, {
      type: 'ACCESS', fullName: 'Mario Rossi', email: 'mario.rossi@example.com', country: 'IT',
      details: 'Please send me a copy of the data you hold about me, including my newsletter subscriptions.',
    });
    // a second request, left unconfirmed, so the dashboard shows more than one state
    await submitRequest(desk.url, { type: 'ERASURE', fullName: 'Giulia Bianchi', email: 'giulia.bianchi@example.com', country: 'IT' });
    // a third, on which the operator asks the requester a question instead of deciding
    const asked = await submitRequest(desk.url, { type: 'RECTIFICATION', fullName: 'Luca Verdi', email: 'luca.verdi@example.com',
      country: 'IT', details: 'My address is wrong in your records.' });
    await withBrowser(async (browser) => {
      await publicPage(browser, desk.url);
      await confirmByMail(browser, desk.url, reference);
      await confirmByMail(browser, desk.url, asked);
      await complete(desk.url, await waitForTask(desk.url, asked, 'operator', 'Task_TriageRequest'), 'operator', {
        askRequester: { value: true }, questionAboutIdentity: { value: false },
        question: { value: 'Which address should we correct: the delivery address or the billing address?' },
      });
      await requestPage(browser, desk.url, asked);
      const triage = await waitForTask(desk.url, reference, 'operator', 'Task_TriageRequest');
      await tasklistForm(browser, desk.url, triage, reference, 'operator', 'Triage the request', 'tasklist-triage-form');
      await complete(desk.url, triage, 'operator', { decision: { value: 'ACCEPT' } });
      // the four affiliates answer through their demo stores; the processor's liaison answers by hand
      const processor = await waitForTask(desk.url, reference, 'google-analytics', 'Task_FulfilEntityStep');
      await complete(desk.url, processor, 'google-analytics', { outcome: { value: 'NO_DATA' } });
      const review = await waitForTask(desk.url, reference, 'reviewer', 'Task_ReviewResponse');
      await tasklistForm(browser, desk.url, review, reference, 'reviewer', 'Review the response', 'tasklist-review-form');
      await accessReportOnPhone(browser, desk.url, reference);
      await dashboard(browser, desk.url);
      await report(browser, desk.url);
    });
    await desk.stop({ keepFiles: false });
  } catch (error) {
    await desk.stop({ keepFiles: true });
    throw error;
  }
}

function packagedJar() {
  const jar = () => readdirSync(join(repo, 'target'), { withFileTypes: true })
    .map((entry) => entry.name)
    .find((name) => /^dsr-desk-.*\.jar$/.test(name));
  if (!existsSync(join(repo, 'target')) || !jar()) {
    console.log('packaging the desk (./mvnw -q -DskipTests package) ...');
    const build = spawnSync(join(repo, 'mvnw'), ['-q', '-DskipTests', 'package'], { cwd: repo, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('./mvnw package failed');
  }
  return join(repo, 'target', jar());
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startDesk(jar) {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'dsr-pictures-desk-'));
  const log = join(dir, 'desk.log');
  const out = createWriteStream(log);
  console.log(`starting ${jar} on ${url} in ${dir} ...`);
  // a year of made-up, ended requests (DEMO-…, nobody's data) so the report has figures to draw
  const java = spawn('java', ['-jar', jar, `--server.port=${port}`, `--dsr.links.public-base-url=${url}`,
    '--dsr.demo.history-months=12'],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  java.stdout.pipe(out);
  java.stderr.pipe(out);
  const exited = new Promise((resolve) => java.once('exit', resolve));
  const stop = async ({ keepFiles }) => {
    if (java.exitCode === null && java.signalCode === null) {
      java.kill('SIGTERM');
      if (await Promise.race([exited.then(() => true), sleep(30_000, false)]) === false) java.kill('SIGKILL');
      await exited;
    }
    if (keepFiles) {
      console.error(`the desk is stopped; its files and log are kept in ${dir}`);
    } else {
      rmSync(dir, { recursive: true, force: true });
      console.log('the desk is stopped');
    }
  };
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (java.exitCode !== null) {
      const tail = readFileSync(log, 'utf8').split('\n').slice(-30).join('\n');
      await stop({ keepFiles: true });
      throw new Error(`the desk exited with ${java.exitCode} while starting:\n${tail}`);
    }
    const ready = await fetch(`${url}/actuator/health/readiness`).then((response) => response.ok, () => false);
    if (ready) return { url, stop };
    await sleep(1000);
  }
  await stop({ keepFiles: true });
  throw new Error('the desk did not become ready within 4 minutes');
}

async function submitRequest(url, body) {
  const response = await fetch(`${url}/api/requests`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`POST /api/requests answered ${response.status}: ${await response.text()}`);
  const { reference } = await response.json();
  console.log(`submitted ${body.type} request ${reference}`);
  return reference;
}

async function publicPage(browser, url) {
  for (const [name, viewport] of [['public-page', desktop], ['public-page-phone', phone]]) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: viewport === phone ? 2 : 1, isMobile: viewport === phone });
    const page = await context.newPage();
    await page.goto(`${url}/`);
    await page.locator('form button[type=submit]').waitFor();
    await shoot(page, name);
    await context.close();
  }
}

// The verification mail in the dev mailbox, its link opened and confirmed as the requester would.
async function confirmByMail(browser, url, reference) {
  const link = await poll(`the verification mail of ${reference}`, async () => {
    const mailbox = await (await fetch(`${url}/dev/mailbox`)).text();
    const mail = mailbox.split('<article').find((article) => article.includes(`confirm your privacy request ${reference}`));
    const token = mail?.match(/\/verify\?token=([A-Za-z0-9_-]+)/);
    return token && `${url}/verify?token=${token[1]}`;
  });
  const page = await browser.newPage({ viewport: desktop });
  await page.goto(link);
  await page.getByRole('button', { name: 'Confirm my request' }).click();
  await page.getByText(reference).first().waitFor();
  await page.close();
  console.log(`confirmed ${reference} through its verification link`);
}

const basic = (user) => `Basic ${Buffer.from(`${user}:demo`).toString('base64')}`;

async function waitForTask(url, reference, user, taskDefinitionKey) {
  const task = await poll(`the ${taskDefinitionKey} task of ${reference} for ${user}`, async () => {
    const response = await fetch(`${url}/engine-rest/task?processInstanceBusinessKey=${reference}&taskDefinitionKey=${taskDefinitionKey}`,
      { headers: { Authorization: basic(user) } });
    if (!response.ok) throw new Error(`GET /engine-rest/task answered ${response.status}`);
    return (await response.json())[0];
  });
  console.log(`task "${task.name}" is open`);
  return task;
}

async function complete(url, task, user, variables) {
  const response = await fetch(`${url}/engine-rest/task/${task.id}/complete`, {
    method: 'POST', headers: { Authorization: basic(user), 'Content-Type': 'application/json' }, body: JSON.stringify({ variables }),
  });
  if (response.status !== 204) throw new Error(`completing "${task.name}" answered ${response.status}: ${await response.text()}`);
  console.log(`${user} completed "${task.name}"`);
}

async function tasklistForm(browser, url, task, reference, user, heading, name) {
  const context = await browser.newContext({ viewport: desktop });
  const page = await context.newPage();
  await page.goto(`${url}/camunda/app/tasklist/`);
  await signInToTasklist(page, url, user);
  await page.goto(`${url}/camunda/app/tasklist/default/#/?task=${task.id}`);
  // the task's Camunda Form, rendered by Tasklist, showing the request's reference
  await page.getByText(heading).waitFor();
  await page.waitForFunction((reference) => [...document.querySelectorAll('.fjs-form input')]
    .some((input) => input.value === reference), reference);
  await shoot(page, name);
  await context.close();
}

// The reviewer's preview is the access report exactly as the requester will receive it, here at a phone's width.
async function accessReportOnPhone(browser, url, reference) {
  const context = await browser.newContext({ viewport: phone, deviceScaleFactor: 2, isMobile: true,
    extraHTTPHeaders: { Authorization: basic('reviewer') } });
  const page = await context.newPage();
  const response = await page.goto(`${url}/staff/requests/${reference}/preview`);
  if (!response.ok()) throw new Error(`the preview answered ${response.status()}`);
  await page.locator('#data article').first().waitFor();
  await shoot(page, 'access-report-phone');
  await context.close();
}

// The login form, filled in and submitted with Enter. Headless Chromium here (156) delivers no trusted key or mouse
// events to the webapps' pages (their CSP sandbox, it seems), so when Enter does nothing the form's own button gets a dispatched
// click; should that fail too, the same login goes through the webapps' API with the XSRF token of the first load.
async function signInToTasklist(page, url, user) {
  const password = page.locator('input[type=password]');
  const signedIn = () => password.waitFor({ state: 'detached', timeout: 5_000 }).then(() => true, () => false);
  await page.getByPlaceholder('Username').fill(user);
  await password.fill('demo');
  await password.press('Enter');
  if (await signedIn()) return;
  await page.getByRole('button', { name: 'Log in' }).dispatchEvent('click');
  if (await signedIn()) return;
  console.log('the Tasklist login form did not submit; signing in through the webapps\' login API');
  const xsrf = (await page.context().cookies(`${url}/camunda/`)).find((cookie) => cookie.name === 'XSRF-TOKEN');
  const response = await page.request.post(`${url}/camunda/api/admin/auth/user/default/login/tasklist`, {
    form: { username: user, password: 'demo' }, headers: { 'X-XSRF-TOKEN': xsrf?.value ?? '' },
  });
  if (!response.ok()) throw new Error(`Tasklist login answered ${response.status()}`);
}

// The request's own page, opened from the question mail in the dev mailbox, on a desktop and on a phone.
async function requestPage(browser, url, reference) {
  const link = await poll(`the question mail of ${reference}`, async () => {
    const mailbox = await (await fetch(`${url}/dev/mailbox`)).text();
    const mail = mailbox.split('<article').find((article) => article.includes(`A question about your privacy request ${reference}`));
    const token = mail?.match(/\/request\?token=([A-Za-z0-9_-]+)/);
    return token && `${url}/request?token=${token[1]}`;
  });
  for (const [name, viewport] of [['request-page', desktop], ['request-page-phone', phone]]) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: viewport === phone ? 2 : 1, isMobile: viewport === phone });
    const page = await context.newPage();
    await page.goto(link);
    await page.locator('blockquote.question').waitFor();
    await page.locator('#answer').fill('The delivery address: it should be Via Roma 12, not Via Roma 21.');
    await shoot(page, name, { fullPage: true });
    await context.close();
  }
}

async function dashboard(browser, url) {
  const context = await browser.newContext({ viewport: desktop, extraHTTPHeaders: { Authorization: basic('manager') } });
  const page = await context.newPage();
  const response = await page.goto(`${url}/dashboard`);
  if (!response.ok()) throw new Error(`/dashboard answered ${response.status()}`);
  await page.locator('#open-total').waitFor();
  await shoot(page, 'dashboard');
  await context.close();
}

async function report(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1500 },
    extraHTTPHeaders: { Authorization: basic('manager') } });
  const page = await context.newPage();
  const response = await page.goto(`${url}/reports`);
  if (!response.ok()) throw new Error(`/reports answered ${response.status()}`);
  await page.locator('#chart-weekly').waitFor();
  await shoot(page, 'reports');
  await context.close();
}

async function shoot(page, name, options = {}) {
  await page.screenshot({ path: join(images, `${name}.png`), ...options });
  console.log(`screenshot docs/images/${name}.png`);
}

async function poll(what, probe, seconds = 120) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const found = await probe();
    if (found) return found;
    await sleep(1000);
  }
  throw new Error(`waited ${seconds} s for ${what}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  takeScreenshots().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
