/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  // back to the desk's page that sent the person here to sign in (see the script)
  customScripts: ['scripts/desk-welcome'],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // "locales": {
  //    "availableLocales": ["en", "de"],
  //    "fallbackLocale": "en"
  //  },
  // the privacy desk's own pages (setting links replaces the default list, so
  // Camunda's documentation link is listed again); addresses relative to
  // this page, /camunda/app/welcome/default/, so they hold under any context path
  links: [
    {
      label: 'Privacy desk: SLA dashboard',
      href: '../../../../dashboard',
      description: 'Open requests, deadlines, incidents and speeds (operators and managers)'
    },
    {
      label: 'Privacy desk: enter a request',
      href: '../../../../staff/requests/new',
      description: 'A request received by post, by phone or in person (operators)'
    },
    // the webapp's own default link, kept
    {
      label: 'DOCUMENTATION',
      href: 'https://docs.camunda.org/manual/latest/webapps/',
      description: 'DOCUMENTATION_DESCRIPTION'
    }
  ],
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false
};
