/*
 * Cockpit for the privacy desk: a link to the SLA dashboard for operators and managers, and, for managers (who may
 * look but not change), a notice saying so, with the buttons that would be refused hidden (styles/user-styles.css).
 * Rendered with the header's menu, so it follows the sign-in: shown once signed in, gone when signing out.
 */
import {signedInUser, hasDashboard, watchesOnly, deskLink} from '../../desk/desk.js';

const READ_ONLY = 'dsr-read-only';
const NOTICE_ID = 'dsr-read-only-notice';

function showReadOnlyNotice() {
  document.documentElement.classList.add(READ_ONLY);
  if (document.getElementById(NOTICE_ID)) {
    return;
  }
  const notice = document.createElement('div');
  notice.id = NOTICE_ID;
  notice.setAttribute('role', 'status');
  const title = document.createElement('strong');
  title.textContent = 'Read-only: ';
  notice.append(title, 'you can look at processes and incidents. Changes (retry, cancel, suspend, modify, edit '
      + 'variables) are refused, so their buttons are hidden.');
  document.body.appendChild(notice);
  placeUnderTheHeader();
}

/** The header's height changes with the window's width; the pages below move down by the notice's height. */
function placeUnderTheHeader() {
  const notice = document.getElementById(NOTICE_ID);
  const header = document.querySelector('.Header');
  if (!notice || !header) {
    return;
  }
  const headerBottom = header.getBoundingClientRect().bottom;
  document.documentElement.style.setProperty('--dsr-header-bottom', `${headerBottom}px`);
  document.documentElement.style.setProperty('--dsr-notice-bottom', `${headerBottom + notice.offsetHeight}px`);
}

window.addEventListener('resize', placeUnderTheHeader);

function removeReadOnlyNotice() {
  document.documentElement.classList.remove(READ_ONLY);
  const notice = document.getElementById(NOTICE_ID);
  if (notice) {
    notice.remove();
  }
}

export default {
  id: 'dsr-desk-dashboard',
  pluginPoint: 'cockpit.navigation',
  // at the end of the menu bar (a negative priority would put it under "More")
  priority: 0,
  checkActive: () => false,
  render: async node => {
    const user = await signedInUser();
    if (!user) {
      return;
    }
    if (hasDashboard(user)) {
      node.appendChild(deskLink('/dashboard', 'SLA dashboard', 'dsr-desk-link'));
    }
    if (watchesOnly(user)) {
      showReadOnlyNotice();
    } else {
      removeReadOnlyNotice();
    }
  },
  unmount: removeReadOnlyNotice
};
