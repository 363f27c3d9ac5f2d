/** Text that resembles a secret must come through all default rules unchanged. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../../utils/core/privacy/default-rules';
import { redact } from './redact';

const unchanged = [
  ['version strings', 'v1.2.3.4 Chrome/131.0.6778.85 Safari/537.36 node 20.12.0'],
  [
    'a user agent',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.85 Safari/537.36',
  ],
  ['ISO timestamps', '2024-06-10T12:34:56.789Z 2024-06-10 12:34:56 +02:00'],
  ['epoch milliseconds', 'at 1718000000006 and 1718000000014 (both pass Luhn)'],
  [
    'UUIDs',
    '123e4567-e89b-12d3-a456-426614174000 00000000-0000-0000-0000-000000000000 12345678-1234-1234-1234-123456789012',
  ],
  ['order numbers failing Luhn', 'Order 4111111111111112 and 4000-1234-5678-9010 shipped'],
  ['hex colours', 'color: #ff00aa; background: #FFF; border-color: #1e90ff'],
  [
    'everyday words as keys',
    '{"keyboard":"de","monkey":1,"passage":"long","author":"Jane"} keyboard=de monkey: 1 author=jane',
  ],
  [
    'everyday words in prose',
    'The keyboard and the monkey wrote a passage; the author signed it. Token validation failed.',
  ],
  ['everyday words in a query', 'https://shop.example.com/?keyboard=qwerty&monkey=1&passage=2&author=jane&page=3'],
  ['an error message', 'TokenExpiredError: jwt expired\n    at verify (https://app.example.com/main.js:12:34)'],
  [
    'a git hash and a sha256',
    'commit 9fceb02d0ae598e95dc970b74767f19372d61af8 sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
  ],
] as const;

describe('look-alikes stay intact', () => {
  it.each(unchanged)('%s', (_, text) => {
    expect(redact(text, ...DEFAULT_RULES)).toEqual({ text, counts: {} });
  });
});
