import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n';
import { checkEndpointUrl, endpointSettings, endpointToken, type EndpointUrlProblem } from '@/utils/settings/items';

const URL_PROBLEMS: Record<EndpointUrlProblem, MessageKey> = {
  empty: 'optionsUrlEmpty',
  invalid: 'optionsUrlInvalid',
  scheme: 'optionsUrlScheme',
};

export function OptionsPage() {
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [urlProblem, setUrlProblem] = useState<EndpointUrlProblem | null>(null);
  const [status, setStatus] = useState<'' | 'saved' | 'not-saved'>('');

  useEffect(() => {
    document.title = t('optionsTitle');
    endpointSettings.getValue().then((s) => setUrl(s.url));
    endpointToken.getValue().then(setToken);
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    const problem = checkEndpointUrl(url);
    setUrlProblem(problem);
    // An invalid value stays in the field for correction; nothing is written.
    if (problem) return setStatus('not-saved');
    await endpointSettings.setValue({ url: url.trim() });
    await endpointToken.setValue(token.trim());
    setStatus('saved');
  }

  return (
    <main style={{ padding: '1.5rem', maxWidth: '44rem' }}>
      <h1>{t('optionsTitle')}</h1>
      <form onSubmit={save} noValidate>
        <h2>{t('optionsEndpointHeading')}</h2>
        <div class="field">
          <label for="endpoint-url">{t('optionsEndpointUrl')}</label>
          <p class="hint" id="endpoint-url-hint">{t('optionsEndpointUrlHint')}</p>
          <input
            id="endpoint-url"
            type="url"
            value={url}
            onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
            aria-describedby={urlProblem ? 'endpoint-url-hint endpoint-url-error' : 'endpoint-url-hint'}
            aria-invalid={urlProblem !== null}
            autoComplete="off"
            spellcheck={false}
          />
          {urlProblem && (
            <p class="field-error" id="endpoint-url-error">
              {t(URL_PROBLEMS[urlProblem])}
            </p>
          )}
        </div>
        <div class="field">
          <label for="endpoint-token">{t('optionsToken')}</label>
          <p class="hint" id="endpoint-token-hint">{t('optionsTokenHint')}</p>
          <input
            id="endpoint-token"
            type="password"
            value={token}
            onInput={(e) => setToken((e.target as HTMLInputElement).value)}
            aria-describedby="endpoint-token-hint"
            autoComplete="off"
          />
        </div>
        <button type="submit">{t('optionsSave')}</button>
        <p role="status" class={`status${status === 'saved' ? ' ok' : status ? ' bad' : ''}`}>
          {status === 'saved' ? t('optionsSaved') : status === 'not-saved' ? t('optionsNotSaved') : ''}
        </p>
      </form>
    </main>
  );
}
