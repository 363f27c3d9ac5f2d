/** What the bridge answers for a healthy page, for tests to vary. */
export function bridgeAnswer(
  recorder: object | null = {
    installedAt: 1_000_050,
    console: [],
    network: [],
    steps: [],
    dropped: { console: 0, network: 0, steps: 0 },
  },
) {
  return {
    url: 'https://app.test/invoices',
    title: 'Invoices',
    referrer: 'https://app.test/',
    readyState: 'complete',
    visibility: 'visible',
    timing: { ttfb: 20, domContentLoaded: 150, load: 300 },
    timeOrigin: 1_000_000,
    viewport: { width: 1280, height: 720 },
    screen: { width: 1920, height: 1080 },
    devicePixelRatio: 2,
    colorScheme: 'dark',
    failedResources: [],
    recorder,
  };
}
