/*
 * Cockpit for the privacy desk: a link to the SLA dashboard for operators and managers, in the header's menu.
 */
import {signedInUser, hasDashboard, deskLink} from '../../desk/desk.js';

export default {
  id: 'dsr-desk-dashboard',
  pluginPoint: 'cockpit.navigation',
  // at the end of the menu bar (a negative priority would put it under "More")
  priority: 0,
  checkActive: () => false,
  render: async node => {
    const user = await signedInUser();
    if (user && hasDashboard(user)) {
      node.appendChild(deskLink('/dashboard', 'SLA dashboard', 'dsr-desk-link'));
    }
  }
};
