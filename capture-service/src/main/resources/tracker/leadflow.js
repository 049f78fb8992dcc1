/*
 * Leadflow tracker, served by capture-service as GET /leadflow.js. Embed it with one tag:
 *   <script src="https://capture.example.com/leadflow.js" defer></script>
 * It gives the visitor a first-party anonymousId (cookie leadflow_aid), keeps the landing page's UTM parameters
 * for the visit, sends one page_view touchpoint per page and fills the hidden fields of Leadflow forms, including
 * lfFillMs: how long the form was on screen before it was submitted (capture drops submissions faster than the
 * form's minimum fill time: bots fill forms in milliseconds).
 * Plain ES5 without dependencies or build step, so that what is served is what is read here.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || window.__leadflowTracker) {
    return; // loaded twice on one page, or through a loader that hides the tag: one page view per page
  }
  window.__leadflowTracker = true;

  var COOKIE = 'leadflow_aid';
  var COOKIE_MAX_AGE = 365 * 24 * 60 * 60;
  var VISIT_UTM = 'leadflow_utm';
  var UTM_FIELDS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];
  // capture's limits: a longer value would get the whole touchpoint or lead rejected
  var ANONYMOUS_ID = /^[A-Za-z0-9._:-]{1,128}$/;
  var MAX_UTM_LENGTH = 200;
  var MAX_URL_LENGTH = 2048;
  var FILL_TIME = 'lfFillMs';
  var SHOWN_AT = 'leadflowShownAt'; // data attribute: when the tracker first saw the form

  // capture's base URL: data-leadflow-endpoint, else the folder the script was loaded from
  var base = new URL(script.getAttribute('data-leadflow-endpoint') || '.', script.src);
  var touchpointsUrl = new URL('api/v1/touchpoints', withSlash(base)).href;
  var leadsUrl = new URL('api/v1/leads', withSlash(base)).href;

  var anonymousId = visitorId();
  var utm = visitUtm();

  sendPageView();
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', fillForms);
  } else {
    fillForms();
  }
  // Forms rendered later (single-page apps) are filled when they are submitted; capture phase runs first.
  document.addEventListener('submit', function (event) {
    if (isLeadflowForm(event.target)) {
      fill(event.target);
      setFillTime(event.target);
    }
  }, true);
  // A form rendered after the page loaded starts its fill time when the visitor first enters one of its fields.
  document.addEventListener('focusin', function (event) {
    var form = event.target && event.target.form;
    if (isLeadflowForm(form)) {
      markShown(form);
    }
  }, true);

  function withSlash(url) {
    return url.href.replace(/[?#].*$/, '').replace(/\/?$/, '/');
  }

  function visitorId() {
    var match = document.cookie.match(/(?:^|;\s*)leadflow_aid=([^;]*)/);
    var id = match && ANONYMOUS_ID.test(match[1]) ? match[1] : randomId();
    // Written on every page so that the year runs from the last visit.
    document.cookie = COOKIE + '=' + id + '; Max-Age=' + COOKIE_MAX_AGE + '; Path=/; SameSite=Lax'
      + (location.protocol === 'https:' ? '; Secure' : '');
    return id;
  }

  function randomId() {
    var crypto = window.crypto;
    if (crypto && crypto.randomUUID) {
      return crypto.randomUUID(); // secure contexts only (https, localhost)
    }
    var bytes = new Uint8Array(16);
    if (crypto && crypto.getRandomValues) {
      crypto.getRandomValues(bytes);
    } else {
      for (var i = 0; i < 16; i++) {
        bytes[i] = Math.floor(Math.random() * 256);
      }
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
    var hex = '';
    for (var j = 0; j < 16; j++) {
      hex += (bytes[j] + 0x100).toString(16).slice(1);
      if (j === 3 || j === 5 || j === 7 || j === 9) {
        hex += '-';
      }
    }
    return hex;
  }

  // A page whose URL carries any UTM parameter starts the visit's attribution; other pages keep it.
  function visitUtm() {
    var params = new URLSearchParams(location.search);
    var fromUrl = {};
    var found = false;
    for (var i = 0; i < UTM_FIELDS.length; i++) {
      var value = params.get(UTM_FIELDS[i]);
      if (value) {
        fromUrl[UTM_FIELDS[i]] = value.slice(0, MAX_UTM_LENGTH);
        found = true;
      }
    }
    try {
      if (found) {
        sessionStorage.setItem(VISIT_UTM, JSON.stringify(fromUrl));
        return fromUrl;
      }
      return JSON.parse(sessionStorage.getItem(VISIT_UTM)) || {};
    } catch (e) {
      return fromUrl; // storage blocked (privacy settings) or tampered with: this page's own values
    }
  }

  // Fragments never reach a server and may hold tokens; an overlong URL falls back to its path.
  function pageUrl() {
    var url = location.href.replace(/#.*$/, '');
    return url.length <= MAX_URL_LENGTH ? url : (location.origin + location.pathname).slice(0, MAX_URL_LENGTH);
  }

  function referrer() {
    return document.referrer.length <= MAX_URL_LENGTH ? document.referrer : '';
  }

  function sendPageView() {
    var touchpoint = { type: 'page_view', anonymousId: anonymousId, url: pageUrl() };
    if (referrer()) {
      touchpoint.referrer = referrer();
    }
    for (var i = 0; i < UTM_FIELDS.length; i++) {
      if (utm[UTM_FIELDS[i]]) {
        touchpoint[UTM_FIELDS[i]] = utm[UTM_FIELDS[i]];
      }
    }
    // text/plain keeps this a "simple" cross-origin request: sendBeacon never sends a CORS preflight, so it cannot
    // post application/json to another origin. capture reads a text/plain body as JSON.
    // A string body is sent as text/plain;charset=UTF-8.
    var body = JSON.stringify(touchpoint);
    var queued = false;
    try {
      queued = navigator.sendBeacon && navigator.sendBeacon(touchpointsUrl, body);
    } catch (e) {
      queued = false;
    }
    if (!queued && window.fetch) {
      fetch(touchpointsUrl, {
        method: 'POST', body: body, headers: { 'Content-Type': 'text/plain;charset=UTF-8' }, keepalive: true, credentials: 'omit'
      })['catch'](function () {});
    }
  }

  function fillForms() {
    var forms = document.forms;
    for (var i = 0; i < forms.length; i++) {
      if (isLeadflowForm(forms[i])) {
        fill(forms[i]);
        markShown(forms[i]);
      }
    }
  }

  function now() {
    return window.performance && performance.now ? performance.now() : new Date().getTime();
  }

  function markShown(form) {
    if (form.dataset[SHOWN_AT] === undefined) {
      form.dataset[SHOWN_AT] = String(now());
    }
  }

  // Measured on the visitor's own clock, so clock skew against capture does not matter. A form first seen at its
  // submission (neither loaded with the page nor entered) gets no fill time: capture then does not judge it on time.
  function setFillTime(form) {
    var shownAt = form.dataset[SHOWN_AT];
    if (shownAt !== undefined) {
      var input = form.elements.namedItem(FILL_TIME);
      if (!input) {
        input = document.createElement('input');
        input.type = 'hidden';
        input.name = FILL_TIME;
        form.appendChild(input);
      }
      if (!(input instanceof RadioNodeList)) {
        input.value = String(Math.max(0, Math.round(now() - Number(shownAt))));
      }
    }
  }

  function isLeadflowForm(form) {
    if (!form || form.tagName !== 'FORM') {
      return false;
    }
    if (form.hasAttribute('data-leadflow-form')) {
      return true;
    }
    var action = form.getAttribute('action');
    return !!action && new URL(action, location.href).href.replace(/[?#].*$/, '').replace(/\/$/, '') === leadsUrl;
  }

  function fill(form) {
    setIfEmpty(form, 'anonymousId', anonymousId);
    for (var i = 0; i < UTM_FIELDS.length; i++) {
      setIfEmpty(form, UTM_FIELDS[i], utm[UTM_FIELDS[i]]);
    }
    setIfEmpty(form, 'pageUrl', pageUrl());
    setIfEmpty(form, 'referrer', referrer());
  }

  // Never overwrites what the page put into a field; an input the form lacks is added as a hidden one.
  function setIfEmpty(form, name, value) {
    if (!value) {
      return;
    }
    var existing = form.elements.namedItem(name); // also finds inputs tied to the form by form="..."
    if (!existing) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = value;
      form.appendChild(input);
    } else if (!(existing instanceof RadioNodeList) && existing.value === '') {
      existing.value = value; // several fields of that name are the page's own business
    }
  }
}());
