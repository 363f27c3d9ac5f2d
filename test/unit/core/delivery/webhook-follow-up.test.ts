import { describe, expect, it } from 'vitest';
import { parseReceipt } from '../../../../utils/core/delivery/connectors/webhook';
import { webhookFollowUp } from '../../../../utils/core/delivery/connectors/webhook-follow-up';
import { verifyWebhook } from '../../../../utils/core/delivery/signature';
import { NOW, reply, scriptedFetch, sendContext } from '../../../support/connector-harness';

const config = {
  type: 'webhook' as const,
  url: 'https://help.example.org/mayday/tickets',
  token: 's3cret',
  format: 'json' as const,
  signingSecret: 'whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ=',
};
const receipt = {
  id: '42',
  statusUrl: 'https://help.example.org/tickets/42/status',
  replyUrl: 'https://help.example.org/tickets/42/requester-replies',
};
const info = { id: '3f0c9a52-6a1e-4c4e-9d43-1b1f3a2c7e10', text: 'Invoice 2026-114', attachments: [] };

describe('the webhook helpdesk loop', () => {
  it('keeps statusUrl and replyUrl from the 201 answer, web addresses only', () => {
    expect(parseReceipt({ ...receipt, id: 42, url: 'https://h/t/42' })).toEqual({ ...receipt, url: 'https://h/t/42' });
    expect(parseReceipt({ id: 42, statusUrl: 'javascript:alert(1)', replyUrl: '/relative' })).toEqual({ id: '42' });
    expect(webhookFollowUp(config).follows({ id: '42' })).toBe(false);
  });

  it('reads the status with the token; an unknown status is a bad reply, not a guess', async () => {
    const { fetch, sent } = scriptedFetch(
      reply(200, {
        status: 'waiting',
        closed: false,
        replies: [
          { id: 2, at: '2026-11-28T10:05:00Z', author: 'Sam', text: 'And the date?' },
          { id: '1', at: '2026-11-28T10:02:11.000Z', author: 'Sam', text: 'Which invoice?' },
          { id: '3', text: 42 },
        ],
      }),
      reply(200, { status: 'pending', replies: [] }),
    );
    const ctx = { fetch, timeoutMs: 1000, now: () => NOW };
    expect(await webhookFollowUp(config).status(receipt, ctx)).toEqual({
      ok: true,
      followUp: {
        status: 'waiting',
        closed: false,
        replies: [
          { id: '1', at: '2026-11-28T10:02:11.000Z', author: 'Sam', text: 'Which invoice?' },
          { id: '2', at: '2026-11-28T10:05:00.000Z', author: 'Sam', text: 'And the date?' },
        ],
      },
    });
    expect(sent[0]).toMatchObject({
      method: 'GET',
      url: receipt.statusUrl,
      headers: { Authorization: 'Bearer s3cret' },
    });
    expect(await webhookFollowUp(config).status(receipt, ctx)).toMatchObject({
      ok: false,
      failure: { kind: 'bad-reply' },
    });
  });

  it('POSTs added information with its own Idempotency-Key, signed with it as webhook-id; 409 (closed) is final', async () => {
    const { fetch, sent } = scriptedFetch(
      reply(201, { id: '5', at: '2026-11-28T10:05:40.000Z', status: 'in-progress' }),
      reply(409, { error: 'The ticket is closed' }),
    );
    const follow = webhookFollowUp(config);
    expect(await follow.addInformation(receipt, info, sendContext(fetch).ctx)).toEqual({
      ok: true,
      receipt: { id: '5' },
    });
    const [post] = sent;
    expect(post.headers).toMatchObject({
      'Idempotency-Key': info.id,
      'webhook-id': info.id,
      Authorization: 'Bearer s3cret',
    });
    expect(JSON.parse(new TextDecoder().decode(post.body as Uint8Array))).toEqual({ text: info.text, attachments: [] });
    const headers = {
      id: post.headers['webhook-id'],
      timestamp: post.headers['webhook-timestamp'],
      signature: post.headers['webhook-signature'],
    };
    expect(await verifyWebhook(config.signingSecret, headers, post.body as Uint8Array, NOW / 1000)).toBe(true);
    expect(await follow.addInformation(receipt, info, sendContext(fetch).ctx)).toEqual({
      ok: false,
      failure: { kind: 'rejected', retryable: false, status: 409, detail: 'The ticket is closed' },
    });
  });
});
