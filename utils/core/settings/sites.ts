/** Where Mayday may record and report, from the admin's allowed and blocked site patterns. */
import { matchesAny } from './match-pattern';
import type { Settings } from './schema';

export type SiteRules = Pick<Settings, 'allowedSites' | 'blockedSites'>;

/**
 * Reporting is allowed on a page unless it matches a blocked pattern or, when there is an allowed
 * list, matches none of it. A page whose address is unknown is outside any allowed list.
 */
export function reportingAllowed(url: string | undefined, rules: SiteRules): boolean {
  if (rules.allowedSites.length > 0 && !(url && matchesAny(rules.allowedSites, url))) return false;
  return !(url && matchesAny(rules.blockedSites, url));
}
