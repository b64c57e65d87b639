// Sign-in for the console: OpenID Connect authorization code flow with PKCE (RFC 7636, S256) against the issuer
// GET config.json names. Written here rather than taken from a library because no OIDC client library is served by
// the Maven repositories the build may use (the console is bundled from Maven artifacts); the flow is the few steps
// below, with the browser's WebCrypto for the hashing. The access token lives in sessionStorage (this tab only,
// gone when it closes) and is sent as a bearer token by api.js. With no issuer configured, identity is off: the
// console calls the APIs without a token.

const TOKEN_KEY = 'commerce-console.token';
const FLOW_KEY = 'commerce-console.sign-in';

let settings = {issuer: null, clientId: null};
let discovery = null;

/** Reads config.json and completes a sign-in the identity provider has just redirected back from. */
export async function startSession() {
  const answer = await fetch('config.json', {headers: {Accept: 'application/json'}});
  if (answer.ok) settings = await answer.json();
  const query = new URLSearchParams(location.search);
  if (settings.issuer && query.has('code') && query.has('state')) {
    await finishSignIn(query.get('code'), query.get('state'));
  }
}

/** True when an issuer is configured (sign-in offered). */
export const identityEnabled = () => Boolean(settings.issuer);

/** The stored, unexpired session: {accessToken, idToken, expiresAt}, or null. */
export function session() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null');
    if (stored && stored.accessToken && (!stored.expiresAt || stored.expiresAt > Date.now())) return stored;
  } catch (ignored) {
    // a damaged entry counts as signed out
  }
  return null;
}

/** The bearer token for API calls, or null (signed out, or identity off). */
export const accessToken = () => session()?.accessToken || null;

/** The roles claim of the access token (a JSON array, as the services read it). */
export function roles() {
  const token = accessToken();
  if (!token) return [];
  try {
    const payload = token.split('.')[1].replaceAll('-', '+').replaceAll('_', '/');
    const claims = JSON.parse(atob(payload.padEnd(payload.length + (4 - payload.length % 4) % 4, '=')));
    return Array.isArray(claims.roles) ? claims.roles.map(String) : [];
  } catch (ignored) {
    return [];
  }
}

/**
 * Whether the reader may do something that needs one of these roles. With identity off nothing is checked here
 * (the services decide); signed in, the token's roles must name one of them.
 */
export function allowed(anyOf) {
  if (!identityEnabled() && !accessToken()) return true;
  const held = roles();
  return anyOf.some(role => held.includes(role));
}

async function endpoints() {
  if (!discovery) {
    const answer = await fetch(`${settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
    if (!answer.ok) throw new Error(`the identity provider's discovery document answered ${answer.status}`);
    discovery = await answer.json();
  }
  return discovery;
}

const redirectUri = () => `${location.origin}${location.pathname}`;

function randomText(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Leaves for the identity provider's sign-in page; the current route is restored on return. */
export async function signIn() {
  const {authorization_endpoint: authorize} = await endpoints();
  const verifier = randomText(32);
  const state = randomText(16);
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(FLOW_KEY, JSON.stringify({verifier, state, route: location.hash}));
  const query = new URLSearchParams({response_type: 'code', client_id: settings.clientId, redirect_uri: redirectUri(),
    scope: 'openid', state, code_challenge: challenge, code_challenge_method: 'S256'});
  location.assign(`${authorize}?${query}`);
}

async function finishSignIn(code, state) {
  const flow = JSON.parse(sessionStorage.getItem(FLOW_KEY) || 'null');
  sessionStorage.removeItem(FLOW_KEY);
  if (!flow || flow.state !== state) throw new Error('the sign-in answer does not belong to a sign-in this tab started');
  const {token_endpoint: tokenEndpoint} = await endpoints();
  const answer = await fetch(tokenEndpoint, {method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams({grant_type: 'authorization_code', code, redirect_uri: redirectUri(),
      client_id: settings.clientId, code_verifier: flow.verifier})});
  if (!answer.ok) throw new Error(`the identity provider refused the sign-in (${answer.status})`);
  const tokens = await answer.json();
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify({accessToken: tokens.access_token, idToken: tokens.id_token,
    expiresAt: Date.now() + (tokens.expires_in || 300) * 1000}));
  history.replaceState(null, '', `${location.pathname}${flow.route || ''}`);
}

/** Forgets the tokens and ends the session at the identity provider too. */
export async function signOut() {
  const idToken = session()?.idToken;
  sessionStorage.removeItem(TOKEN_KEY);
  const {end_session_endpoint: endSession} = await endpoints();
  if (!endSession) {
    location.reload();
    return;
  }
  const query = new URLSearchParams({client_id: settings.clientId, post_logout_redirect_uri: redirectUri()});
  if (idToken) query.set('id_token_hint', idToken);
  location.assign(`${endSession}?${query}`);
}
