// A real OpenID provider (the certified `oidc-provider`) for Heard's tests, on loopback.
//
//   node provider.js PORT CLIENT_ID CLIENT_SECRET REDIRECT_URI
//
// Accounts are made up here; the test picks who "signs in" next, and may ask for the
// next ID token to be spoiled (wrong audience, expired, signed with another key), through
// POST /__test/next with JSON {"account": "...", "tamper": "aud"|"expired"|"signature"|null}.
// Everything else is the library's own authorisation server: discovery, JWKS, the
// authorisation endpoint with PKCE required, the token endpoint with client secrets.
import Provider from 'oidc-provider';
import * as jose from 'jose';

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

const ACCOUNTS = {
  lead: { email: 'lead@council.example', email_verified: true, groups: ['g-safeguarding'] },
  analyst: { email: 'analyst@council.example', email_verified: true, groups: ['g-analysts', 'g-other'] },
  chief: { email: 'chief@council.example', email_verified: true, groups: ['g-analysts', 'g-admins'] },
  stranger: { email: 'stranger@council.example', email_verified: true, groups: ['g-canteen'] },
  unverified: { email: 'lead@council.example', email_verified: false, groups: ['g-safeguarding'] },
  newcomer: { email: 'newcomer@council.example', email_verified: true, groups: ['g-analysts'] },
};

const signing = await jose.generateKeyPair('RS256', { extractable: true });
const other = await jose.generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await jose.exportJWK(signing.privateKey)), kid: 'k1', alg: 'RS256', use: 'sig' };

const next = { account: 'lead', tamper: null };

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  jwks: { keys: [jwk] },
  claims: { openid: ['sub', 'groups'], email: ['email', 'email_verified'], profile: ['name'] },
  // Put the scope's claims in the ID token, as Entra ID does with groups.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  findAccount: (ctx, id) => (ACCOUNTS[id]
    ? { accountId: id, claims: () => ({ sub: id, ...ACCOUNTS[id] }) }
    : undefined),
});

async function spoil(idToken) {
  const claims = jose.decodeJwt(idToken);
  const now = Math.floor(Date.now() / 1000);
  let key = signing.privateKey;
  if (next.tamper === 'aud') claims.aud = 'someone-else';
  if (next.tamper === 'aud+azp') { claims.aud = ['someone-else']; claims.azp = clientId; }
  if (next.tamper === 'expired') { claims.iat = now - 7200; claims.exp = now - 3600; }
  if (next.tamper === 'signature') key = other.privateKey;
  return new jose.SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(key);
}

provider.use(async (ctx, nextStep) => {
  if (ctx.path === '/__test/next' && ctx.method === 'POST') {
    let body = '';
    for await (const chunk of ctx.req) body += chunk;
    Object.assign(next, JSON.parse(body || '{}'));
    ctx.body = { ok: true };
    return;
  }
  const interaction = ctx.path.match(/^\/interaction\/([^/]+)$/);
  if (interaction) {
    // Sign in as the chosen account and grant what was asked: no pages to fill in.
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    let result;
    if (details.prompt.name === 'login') {
      result = { login: { accountId: next.account } };
    } else {
      const grant = new provider.Grant({
        accountId: details.session.accountId,
        clientId: details.params.client_id,
      });
      grant.addOIDCScope(details.params.scope);
      result = { consent: { grantId: await grant.save() } };
    }
    const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, {
      mergeWithLastSubmission: false,
    });
    ctx.status = 303;
    ctx.redirect(returnTo);
    return;
  }
  await nextStep();
  if (ctx.path === '/token' && ctx.status === 200 && next.tamper && ctx.body?.id_token) {
    ctx.body = { ...ctx.body, id_token: await spoil(ctx.body.id_token) };
    next.tamper = null;
  }
});

provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
