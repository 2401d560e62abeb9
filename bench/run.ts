// `npm run bench -- <suite>`: each suite prints its figures beside a ceiling measured in the
// same run, and ends with one JSON line of every figure by name.
import { diagBench } from './suites/diag.ts';
import { licensesBench } from './suites/licenses.ts';
import { privacyBench } from './suites/privacy.ts';

const suites: Record<string, () => Promise<Record<string, number>>> = { privacy: privacyBench, licenses: licensesBench, diag: diagBench };

const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : Object.keys(suites);
const figures: Record<string, number> = {};
for (const name of names) {
  const suite = suites[name];
  if (!suite) {
    process.stderr.write(`unknown suite "${name}"; known: ${Object.keys(suites).join(', ') || 'none'}\n`);
    process.exit(2);
  }
  Object.assign(figures, await suite());
}
process.stdout.write(`${JSON.stringify(figures)}\n`);
