/*
 * The welcome app is where the desk sends a browser that opens a staff page without being signed in
 * (/camunda/app/welcome/default/?returnTo=/dashboard). Once the person has signed in here, this brings them back to
 * that page. Only a desk page's plain path is followed, never an address from elsewhere; and only when the person
 * signed in on this visit, so someone already signed in whom the desk does not accept is not sent round in a loop.
 */
import {deskPage, deskRoot, signedInUser} from '../../desk/desk.js';

const returnTo = deskPage(new URLSearchParams(window.location.search).get('returnTo'));
const signedInOnArrival = returnTo ? signedInUser().then(user => user !== null, () => true) : Promise.resolve(true);

export default {
  id: 'dsr-desk-return',
  pluginPoint: 'welcome.dashboard',
  priority: 0,
  render: async () => {
    if (returnTo && !(await signedInOnArrival)) {
      window.location.replace(deskRoot + returnTo);
    }
  }
};
