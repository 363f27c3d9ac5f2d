/**
 * Text shaped like what a ticket carries (log lines, URLs, JSON, stack frames, prose) with a
 * few secrets, for measuring the redaction engine. Seeded, so every run measures the same text.
 */

const WORDS =
  'the user clicked save and nothing happened page shows a blank panel after login order list loads slowly keyboard shortcut opens the monkey author passage report when session ends'.split(
    ' ',
  );

/** The secret values planted in the text: none may survive redaction. */
export const PLANTED_SECRETS = {
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  email: 'jane.doe@example.com',
  card: '4111 1111 1111 1111',
  password: 'hunter2',
  awsKey: 'AKIAIOSFODNN7EXAMPLE',
  accessToken: '9f8e7d6c5b4a3210',
  refreshToken: 'a1b2c3d4e5f6',
  nestedPassword: 'Pl4in-Obj3ct-Pass',
  stripeKey: 'sk_live_51NmZq8Kx2Lr7Tw4Yp9Vb3Hc6Jd1Fg5',
  nir: '2 85 05 2A 006 084 82',
  resetToken: 'q8Zp2LmX7rT4wK9sV3bN6cF1',
} as const;

const SECRET_LINES = [
  `Authorization: Bearer ${PLANTED_SECRETS.jwt}`,
  `contact ${PLANTED_SECRETS.email} for access`,
  `paid with ${PLANTED_SECRETS.card} yesterday`,
  `POST /login password=${PLANTED_SECRETS.password}&user=jane`,
  `AWS key ${PLANTED_SECRETS.awsKey} leaked`,
  `GET https://api.example.com/v1/me?access_token=${PLANTED_SECRETS.accessToken}&lang=de`,
  `{"refresh_token":"${PLANTED_SECRETS.refreshToken}","keyboard":"de"}`,
  `Login failed {request: {body: {username: "jane", password: "${PLANTED_SECRETS.nestedPassword}"}}}`,
  `Response body: {"error":{"config":{"stripe":"${PLANTED_SECRETS.stripeKey}"}}}`,
  `patient NIR ${PLANTED_SECRETS.nir} not found`,
  `GET https://app.example.com/account/reset/${PLANTED_SECRETS.resetToken}?lang=fr 410`,
];

export function seededRandom(seed: number): () => number {
  // mulberry32: tiny and good enough to vary the lines.
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About `chars` characters of mixed text, one secret every 50 lines or so. */
export function mixedText(chars: number, seed = 1): string {
  const random = seededRandom(seed);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]) => items[int(items.length)];
  const hex = (length: number) => Array.from({ length }, () => int(16).toString(16)).join('');
  const prose = () => Array.from({ length: 8 + int(12) }, () => pick(WORDS)).join(' ');
  const makers: Array<() => string> = [
    () =>
      `${new Date(1718000000000 + int(1e9)).toISOString()} INFO [worker-${int(8)}] request ${hex(8)} done in ${int(900)}ms status=${pick([200, 204, 304, 404, 500])} path=/api/v1/orders/${int(1e6)}`,
    () =>
      `GET https://cdn.example.com/assets/app.${hex(6)}.js?v=1.2.${int(20)}&lang=de&page=${int(50)} net::ERR_FAILED`,
    () =>
      `{"id":"${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}","user":{"name":"Jane","role":"admin"},"items":[${int(99)},${int(99)}],"total":${int(9999) / 100},"at":${1718000000000 + int(1e9)}}`,
    () => `    at handleClick (https://app.example.com/static/js/main.${hex(8)}.js:${int(400)}:${int(9000)})`,
    () =>
      `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.${int(9000)}.${int(200)} Safari/537.36`,
    () => `${prose()}.`,
    () =>
      `Uncaught TypeError: Cannot read properties of undefined (reading '${pick(WORDS)}') order ${1000000000000 + int(1e9)} color #${hex(6)}`,
  ];
  const lines: string[] = [];
  let length = 0;
  while (length < chars) {
    const line = int(50) === 0 ? pick(SECRET_LINES) : pick(makers)();
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n').slice(0, chars);
}
