/*
 * The privacy desk's additions to the Camunda webapps (Welcome, Tasklist, Cockpit), shared by their custom scripts:
 * who is signed in, asked of the webapps' own API, and where the desk's pages are.
 *
 * What these scripts show is a courtesy: they hide nothing from the engine, whose authorizations decide what each
 * user may read and do.
 */

const base = document.querySelector('base');

/** Where the webapps answer, e.g. /camunda. */
const appRoot = base.getAttribute('app-root');

/** The desk's pages answer beside the webapps (camunda.bpm.webapp.application-path is one path segment). */
export const deskRoot = appRoot.replace(/\/[^/]*$/, '');

/** The engine the page works with, from its address (/camunda/app/cockpit/default/). */
export const engine = (window.location.pathname.match(/\/app\/[\w-]+\/([\w-]+)\//) || [])[1] || 'default';

/**
 * The desk's pages a person may be sent back to after signing in: a plain path under /dashboard, /reports or /staff, whose
 * segments are letters, digits, '-', '_' and '.' and never start with '.' (no '..'); nothing else.
 */
const DESK_PAGE = /^\/(dashboard|reports|staff)(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/;

export function deskPage(path) {
  return typeof path === 'string' && DESK_PAGE.test(path) ? path : null;
}

async function json(url) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  return response.ok ? response.json() : null;
}

/**
 * The signed-in user and the ids of their groups, as the engine knows them: {userId, groups}; null when nobody is
 * signed in. A user may read the groups they belong to (the engine grants it with each group).
 */
export async function signedInUser() {
  const authentication = await json(`${base.getAttribute('admin-api')}auth/user/${engine}`);
  if (!authentication || !authentication.userId) {
    return null;
  }
  const groups = await json(`${base.getAttribute('engine-api')}engine/${engine}/group?member=`
      + encodeURIComponent(authentication.userId)) || [];
  return {userId: authentication.userId, groups: groups.map(group => group.id)};
}

/** Operators and managers have the SLA dashboard. */
export function hasDashboard(user) {
  return user.groups.includes('dpo') || user.groups.includes('managers');
}

/** Managers watch: in Cockpit they may look at everything and change nothing. */
export function watchesOnly(user) {
  return user.groups.includes('managers') && !user.groups.includes('dpo') && !user.groups.includes('camunda-admin');
}

/** A link to one of the desk's pages, built without markup from data; an icon as the webapps' header links have. */
export function deskLink(path, text, className, icon) {
  const link = document.createElement('a');
  link.href = deskRoot + path;
  link.className = className;
  link.style.whiteSpace = 'nowrap';
  if (icon) {
    const glyph = document.createElement('span');
    glyph.className = `glyphicon ${icon}`;
    glyph.setAttribute('aria-hidden', 'true');
    link.append(glyph, ' ');
  }
  link.append(text);
  return link;
}
