import type { Deps } from '../../../platform/deps.ts';
import { problems } from '../../../platform/errors.ts';
import { standInWanted } from '../../../platform/stand-ins.ts';
import type { MailProvider } from './mail-provider.ts';
import { type TestMailProvider, testMailProvider } from './test-mail-provider.ts';

export interface MailProviders {
  all: MailProvider[];
  byId(id: string): MailProvider;
  /** The built-in test provider, when it runs. */
  test: TestMailProvider | undefined;
}

// One registry per configuration, so the routes and the scan job of a process share the test provider's mailboxes.
const registries = new WeakMap<object, MailProviders>();

/** The providers a deployment offers; a real one (Microsoft 365, Google Workspace) is added here by implementing MailProvider. */
export function mailProviders(deps: Pick<Deps, 'config' | 'clock'>): MailProviders {
  const known = registries.get(deps.config);
  if (known) return known;
  const test = standInWanted(deps.config.mailProvider, deps.config) ? testMailProvider(deps.clock, deps.config.baseUrl) : undefined;
  const all: MailProvider[] = test ? [test] : [];
  const registry: MailProviders = {
    all,
    test,
    byId(id) {
      const provider = all.find((candidate) => candidate.id === id);
      if (!provider) throw problems.invalidField('provider', 'is not a provider this deployment offers');
      return provider;
    },
  };
  registries.set(deps.config, registry);
  return registry;
}
