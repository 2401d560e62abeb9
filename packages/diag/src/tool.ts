export const TOOL = { name: 'steward-diag', version: '0.1.0' };
