/*
 * Tasklist for the privacy desk: a link to the SLA dashboard for operators and managers, beside Tasklist's own
 * header actions. Entity users do not see it (the dashboard is not theirs).
 */
import {signedInUser, hasDashboard, deskLink} from '../../desk/desk.js';

export default {
  id: 'dsr-desk-links',
  pluginPoint: 'tasklist.navbar.action',
  // after Tasklist's own actions (start process 100, shortcuts 300)
  priority: 50,
  render: async node => {
    const user = await signedInUser();
    if (user && hasDashboard(user)) {
      node.appendChild(deskLink('/dashboard', 'SLA dashboard', 'dsr-desk-link', 'glyphicon-dashboard'));
    }
  }
};
