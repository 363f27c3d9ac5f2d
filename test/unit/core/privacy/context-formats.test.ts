/** Credentials with no shape of their own, found by the name, header or structure around them. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../../utils/core/privacy/default-rules';
import { redact } from './redact';

const S = '[REDACTED:secret]';

describe('credentials known by their context', () => {
  it.each([
    [
      'an Azure storage connection string',
      'DefaultEndpointsProtocol=https;AccountName=acmestore;AccountKey=Zk9xQw8vR2kLmN4pT7wZa1b2c3d4e5f6g7h8i9j0kLmNoPqRsTuVwXyZ0123456789abcdefghijABCDEFGHIJ==;EndpointSuffix=core.windows.net',
      // Its `;name=value` pairs read as path parameters.
      'DefaultEndpointsProtocol=https;AccountName=acmestore;AccountKey=[REDACTED:url-param];EndpointSuffix=core.windows.net',
    ],
    [
      'an Azure SAS URL',
      'GET https://acmestore.blob.core.windows.net/invoices/INV-2024-0042.pdf?sv=2022-11-02&sp=r&se=2024-12-31T00:00:00Z&sig=q8Zp2LmX7rT4wK9sV3bN6cF1%2BdE5gH0jY%3D 403',
      'GET https://acmestore.blob.core.windows.net/invoices/INV-2024-0042.pdf?sv=2022-11-02&sp=r&se=2024-12-31T00:00:00Z&sig=[REDACTED:url-param] 403',
    ],
    [
      'an AWS secret key in a credentials file',
      '[default]\naws_access_key_id = AKIAQ7CORPUS4EXAMPL3\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
      `[default]\naws_access_key_id = [REDACTED:aws-key]\naws_secret_access_key = ${S}`,
    ],
    [
      'an Okta API token',
      'Authorization: SSWS 00Zk9xQw8vR2kLmN4pT7wZa1b2c3d4e5f6g7h8i9j0',
      'Authorization: SSWS [REDACTED:authorization]',
    ],
    [
      'a Datadog key in its header',
      'POST https://http-intake.logs.datadoghq.eu/api/v2/logs failed, DD-API-KEY: 8f14e45fceea167a5a36dedd4bea2543',
      `POST https://http-intake.logs.datadoghq.eu/api/v2/logs failed, DD-API-KEY: ${S}`,
    ],
    [
      'a Postmark server token in its header',
      'X-Postmark-Server-Token: 3f2b8c1e-4d5a-4b6c-9d7e-8f9a0b1c2d3e',
      `X-Postmark-Server-Token: ${S}`,
    ],
    [
      'a Twilio auth token in the environment',
      'TWILIO_AUTH_TOKEN=8f14e45fceea167a5a36dedd4bea2543',
      `TWILIO_AUTH_TOKEN=${S}`,
    ],
    [
      'a Sentry DSN',
      'Sentry.init({dsn: "https://8f14e45fceea167a5a36dedd4bea2543@o450123.ingest.de.sentry.io/5501234"})',
      'Sentry.init({dsn: "https://[REDACTED:url-userinfo]@o450123.ingest.de.sentry.io/5501234"})',
    ],
    [
      'an Auth0 client secret',
      '{domain: "acme.eu.auth0.com", clientId: "Zk9xQw8vR2kLmN4pT7wZa1b2", clientSecret: "q8Zp2LmX7rT4wK9sV3bN6cF1dE5gH0jYq8Zp2LmX7rT4wK9sV3bN6cF1dE5gH0jY"}',
      `{domain: "acme.eu.auth0.com", clientId: "Zk9xQw8vR2kLmN4pT7wZa1b2", clientSecret: "${S}"}`,
    ],
  ])('%s', (_, text, expected) => {
    expect(redact(text, ...DEFAULT_RULES).text).toBe(expected);
  });

  it('a Google service account key file, as JSON text', () => {
    const key = {
      type: 'service_account',
      project_id: 'acme-prod',
      private_key_id: '8f14e45fceea167a5a36dedd4bea2543a1b2c3d4',
      private_key:
        '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n',
      client_email: 'deployer@acme-prod.iam.gserviceaccount.com',
      client_id: '109876543210987654321',
    };
    expect(JSON.parse(redact(JSON.stringify(key), ...DEFAULT_RULES).text)).toEqual({
      ...key,
      private_key_id: S,
      private_key: S,
      client_email: '[REDACTED:email]',
    });
  });
});
