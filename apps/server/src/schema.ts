// Every table of every module, for drizzle-kit and for the data map.
export * from './modules/accounts/schema.ts';
export * from './modules/community/schema.ts';
export * from './modules/contracts/schema.ts';
export * from './modules/devices/schema.ts';
export * from './modules/diagnostics/schema.ts';
export * from './modules/licenses/schema.ts';
export * from './modules/orgs/schema.ts';
export * from './modules/privacy/retention/schema.ts';
export * from './modules/privacy/rights/schema.ts';
export * from './modules/privacy/schema.ts';
export * from './modules/purchases/schema.ts';
export * from './modules/stats/schema.ts';
export * from './modules/support/schema.ts';
export * from './modules/workspaces/schema.ts';
export * from './platform/audit/schema.ts';
export * from './platform/blobs/schema.ts';
export * from './platform/notify/schema.ts';
