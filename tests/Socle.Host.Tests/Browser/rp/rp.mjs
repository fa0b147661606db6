// A minimal web application that logs its users in with Socle through openid-client, a certified
// OpenID Connect relying-party library: discovery, authorization code with PKCE S256, state, nonce,
// ID token validation (ES256 against the JWKS) and userinfo. It shows what it received on /callback.
// Usage: node rp.mjs <issuer> <client_id> <client_secret> <port>
import http from 'node:http';
import * as oidc from 'openid-client';

const [issuer, clientId, clientSecret, port] = process.argv.slice(2);
const redirectUri = `http://127.0.0.1:${port}/callback`;
const config = await oidc.discovery(new URL(issuer), clientId,
  { client_secret: clientSecret, id_token_signed_response_alg: 'ES256' },
  oidc.ClientSecretBasic(clientSecret),
  { execute: [oidc.allowInsecureRequests] });
const pending = new Map();

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, `http://127.0.0.1:${port}`);
  try {
    if (url.pathname === '/login') {
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      pending.set(state, { verifier, nonce });
      const target = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri, scope: 'openid scope_all', state, nonce, acr_values: 'eidas1',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
      });
      res.writeHead(302, { Location: target.href }).end();
    } else if (url.pathname === '/callback') {
      const state = url.searchParams.get('state');
      const { verifier, nonce } = pending.get(state) ?? {};
      pending.delete(state);
      const tokens = await oidc.authorizationCodeGrant(config, url, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
      const claims = tokens.claims();
      const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      const body = JSON.stringify({ idToken: claims, userinfo, refreshToken: Boolean(tokens.refresh_token) });
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(`<!DOCTYPE html><html lang="fr"><title>Connecté</title><h1>Connecté</h1><pre id="result">${body.replace(/</g, '&lt;')}</pre></html>`);
    } else {
      res.writeHead(404).end();
    }
  } catch (error) {
    res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`relying party error: ${error?.message} ${error?.cause?.message ?? ''}`);
  }
});
server.listen(Number(port), '127.0.0.1', () => console.log('ready'));
