import type { Deps } from '../../platform/deps.ts';
import { standInWanted } from '../../platform/stand-ins.ts';
import { receiveWebhook } from './receive-webhook.ts';
import type { StoreProvider } from './store-provider.ts';
import { type TestStoreProvider, testStoreProvider } from './test-store/test-store-provider.ts';

export interface Store {
  /** Where new checkouts and auto-renewal charges go; undefined when no store is set up. */
  active: StoreProvider | undefined;
  /** The built-in test store, when it is the active one. */
  testStore: TestStoreProvider | undefined;
  byId(id: string): StoreProvider | undefined;
}

/**
 * The test store hands out licenses without payment, so it runs only where that is wanted: in
 * embedded mode and under the test runner by default, or wherever STEWARD_STORE=test says so.
 * STEWARD_STORE=off turns it off everywhere.
 */
export function testStoreWanted(config: Deps['config'], env: Record<string, string | undefined> = process.env): boolean {
  return standInWanted(config.store, config, env);
}

export function openStore(deps: Deps): Store {
  const providers = new Map<string, StoreProvider>();
  let testStore: TestStoreProvider | undefined;
  if (testStoreWanted(deps.config)) {
    const provider: TestStoreProvider = testStoreProvider(deps, (rawBody, headers) => receiveWebhook(deps, provider, rawBody, headers));
    providers.set(provider.id, provider);
    testStore = provider;
  }
  return { active: testStore, testStore, byId: (id) => providers.get(id) };
}
